import { answerWord } from '../../i18n/wordingScope'
import { answerRow, keyLabels, one, type QuestionTypeModule } from './questionType'

/** "Does the city have dedicated funding?" Yes or no. */
export interface YesNoAnswer {
  type: 'yesno'
  choice: string
}

// English but where regeneration writes a profile in another language (src/i18n/wordingScope).
const label = (choice: string) => answerWord(choice === 'yes' ? 'yes' : 'no')

export const yesno: QuestionTypeModule<'yesno', YesNoAnswer> = {
  type: 'yesno',
  title: 'Yes or no',
  view: 'yesno',
  toRows: (questionKey, answer) => [answerRow(questionKey, answer.choice)],
  fromRows: (_question, rows) => ({ type: 'yesno', choice: rows[0].optionKey }),
  toForm: (answer) => ({ choice: answer.choice }),
  readForm: (_question, field) => ({ choice: one(field()) }),
  validate: ({ value, complete, fail }) => {
    if (!value.choice) return complete ? fail('required') : null
    return ['yes', 'no'].includes(value.choice) ? { type: 'yesno', choice: value.choice } : fail('invalid')
  },
  messages: {
    required: ({ whether }) =>
      whether
        ? { key: 'validation.yesno.required.whether', values: { whether } }
        : 'validation.yesno.required.quoted',
  },
  display: (_question, answer) => [label(answer.choice)],
  sentenceValue: (_question, answer) => label(answer.choice),
  columns: (question) => [
    {
      name: question.key,
      optionKey: '',
      values: keyLabels([
        ['yes', 'Yes'],
        ['no', 'No'],
      ]),
      read: (answer) => answer.choice,
    },
  ],
  countedKeys: (answer) => [answer.choice],
  chart: 'yesno',
  demo: (question, ctx) => {
    const yes = ctx.shares(question.key)?.yes ?? 0.5
    return { type: 'yesno', choice: ctx.position('yes') < yes ? 'yes' : 'no' }
  },
  authoringFields: [],
  initialLists: [],
}
