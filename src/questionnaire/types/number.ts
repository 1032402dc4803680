import { inRange, boundFields } from './range'
import { answerRow, formatNumber, one, type QuestionTypeModule } from './questionType'

/** A number, perhaps whole only, perhaps with a unit ("people"). */
export interface NumberAnswer {
  type: 'number'
  value: number
}

export const number: QuestionTypeModule<'number', NumberAnswer> = {
  type: 'number',
  title: 'Number',
  view: 'number',
  toRows: (questionKey, answer) => [answerRow(questionKey, '', { number: answer.value })],
  fromRows: (_question, [first]) => ({ type: 'number', value: Number(first.number) }),
  toForm: (answer) => ({ text: Number.isFinite(answer.value) ? String(answer.value) : '' }),
  readForm: (_question, field) => ({ text: one(field()) }),
  validate: ({ question, value, complete, fail }) => {
    const text = value.text.trim().replace(/[,\s]/g, '')
    if (!text) return complete ? fail('required') : null
    if (!/^-?\d+(\.\d+)?$/.test(text)) return fail('invalid')
    const typed = Number(text)
    if (question.integer && !Number.isInteger(typed)) return fail('integer')
    return inRange(typed, question.min, question.max, fail) ? { type: 'number', value: typed } : null
  },
  messages: {
    invalid: ({ noun }) => (noun ? 'validation.number.invalid.noun' : 'validation.number.invalid.quoted'),
  },
  display: (question, answer) => [
    formatNumber.format(answer.value) + (question.unit ? ` ${question.unit}` : ''),
  ],
  sentenceValue: (_question, answer) => formatNumber.format(answer.value),
  columns: (question) => [
    {
      name: question.key,
      optionKey: '',
      values: question.unit ? `Number (${question.unit})` : 'Number',
      read: (answer) => answer.value,
    },
  ],
  // Cities per value: the results draw them as a distribution (bins, median and range).
  countedKeys: (answer) => [String(answer.value)],
  // Two cities with the same number are not "the same answer" the profiles speak of.
  signature: () => '',
  chart: 'distribution',
  demo: (question, ctx) => ({
    type: 'number',
    value: ctx.intBetween(question.min ?? 0, Math.min(question.max ?? 100, 100)),
  }),
  authoringFields: [
    ...boundFields('number'),
    { name: 'integer', label: 'Whole numbers only', kind: 'checkbox' },
    {
      name: 'unit',
      label: 'Unit (optional)',
      hint: 'For example people or EUR',
      kind: 'text',
      width: 'govuk-input--width-10',
    },
  ],
  initialLists: [],
}
