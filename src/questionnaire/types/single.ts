import { offeredOptions, optionLabel } from '../definitionModel'
import { choiceFields, choiceLabel, choiceValues, otherText, otherTextColumn } from './choices'
import { OTHER, answerRow, one, type QuestionTypeModule } from './questionType'

/** One choice from a list, perhaps "Other (please specify)". */
export interface SingleAnswer {
  type: 'single'
  choice: string
  other?: string
}

export const single: QuestionTypeModule<'single', SingleAnswer> = {
  type: 'single',
  title: 'One choice',
  view: 'single',
  toRows: (questionKey, answer) => [
    answerRow(questionKey, answer.choice, answer.choice === OTHER ? { text: answer.other ?? '' } : {}),
  ],
  fromRows: (_question, [first]) =>
    first.optionKey === OTHER
      ? { type: 'single', choice: OTHER, other: first.text ?? '' }
      : { type: 'single', choice: first.optionKey },
  toForm: (answer) => ({ choice: answer.choice, other: answer.other ?? '' }),
  readForm: (_question, field) => ({ choice: one(field()), other: one(field(OTHER)) }),
  validate: ({ question, value, complete, year, fail }) => {
    if (!value.choice) return complete ? fail('required') : null
    if (value.choice === OTHER && question.other) {
      const other = otherText(value.other, fail)
      return other === null ? null : { type: 'single', choice: OTHER, other }
    }
    return offeredOptions(question, year).some((o) => o.key === value.choice)
      ? { type: 'single', choice: value.choice }
      : fail('invalid')
  },
  messages: {
    required: ({ noun }) => (noun ? 'validation.single.required.noun' : 'validation.single.required.quoted'),
  },
  display: (question, answer) => [choiceLabel(question, answer.choice, answer.other)],
  sentenceValue: (question, answer) =>
    answer.choice === OTHER ? (answer.other ?? '') : optionLabel(question, answer.choice),
  columns: (question, layout) => [
    {
      name: question.key,
      optionKey: '',
      values: choiceValues(question, layout),
      read: (answer) => answer.choice,
    },
    ...(question.other
      ? [
          {
            name: otherTextColumn(question.key, layout),
            optionKey: OTHER,
            values: 'Text of "Other (please specify)"',
            read: (answer: SingleAnswer) => (answer.choice === OTHER ? (answer.other ?? '') : null),
          },
        ]
      : []),
  ],
  countedKeys: (answer) => [answer.choice],
  chart: 'options',
  demo: (question, ctx) => {
    const allowed = offeredOptions(question, ctx.year).map((o) => o.key)
    if (question.other) allowed.push(OTHER)
    const shares = ctx.shares(question.key) ?? {}
    const weighted = allowed.map((key): [string, number] => [key, shares[key] ?? (key === OTHER ? 0 : 1)])
    const choice = ctx.pickByShares(ctx.position('choice'), weighted)
    return choice === OTHER
      ? { type: 'single', choice, other: ctx.otherText(question.key) }
      : { type: 'single', choice }
  },
  authoringFields: choiceFields,
  initialLists: ['options'],
}
