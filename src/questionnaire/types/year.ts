import { inRange, boundFields } from './range'
import { answerRow, one, type QuestionTypeModule } from './questionType'

/** A year, like 2019. */
export interface YearAnswer {
  type: 'year'
  value: number
}

export const year: QuestionTypeModule<'year', YearAnswer> = {
  type: 'year',
  title: 'Year',
  view: 'year',
  toRows: (questionKey, answer) => [answerRow(questionKey, '', { number: answer.value })],
  fromRows: (_question, [first]) => ({ type: 'year', value: Number(first.number) }),
  toForm: (answer) => ({ text: Number.isFinite(answer.value) ? String(answer.value) : '' }),
  readForm: (_question, field) => ({ text: one(field()) }),
  validate: ({ question, value, complete, fail }) => {
    const text = value.text.trim()
    if (!text) return complete ? fail('required') : null
    if (!/^\d{4}$/.test(text)) return fail('invalid')
    // Years are written without a thousands separator ("2019", not "2,019").
    return inRange(Number(text), question.min, question.max, fail, String)
      ? { type: 'year', value: Number(text) }
      : null
  },
  messages: {
    invalid: ({ noun }) => (noun ? 'validation.year.invalid.noun' : 'validation.year.invalid.quoted'),
  },
  display: (_question, answer) => [String(answer.value)],
  sentenceValue: (_question, answer) => String(answer.value),
  columns: (question) => [
    { name: question.key, optionKey: '', values: 'Year', read: (answer) => answer.value },
  ],
  // Cities per year: the results draw them as a distribution, as numbers (written "2019").
  countedKeys: (answer) => [String(answer.value)],
  // Two cities with the same year are not "the same answer" the profiles speak of.
  signature: () => '',
  chart: 'distribution',
  demo: (_question, ctx) => ({ type: 'year', value: ctx.year - 1 }),
  authoringFields: boundFields('number'),
  initialLists: [],
}
