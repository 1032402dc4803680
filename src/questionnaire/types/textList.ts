import { maxLengthField } from './plainText'
import { answerRow, one, type QuestionTypeModule } from './questionType'

/** Several short texts (e.g. the names of the lead innovation officers), one per box. */
export interface TextListAnswer {
  type: 'textList'
  values: string[]
}

/** How a list is written in one cell of the review export. */
export const LIST_SEPARATOR = ' | '

export const textList: QuestionTypeModule<'textList', TextListAnswer> = {
  type: 'textList',
  title: 'Several short texts',
  view: 'text-list',
  toRows: (questionKey, answer) =>
    answer.values.map((text, index) => answerRow(questionKey, String(index), { text })),
  fromRows: (_question, rows) => ({
    type: 'textList',
    values: [...rows].sort((a, b) => Number(a.optionKey) - Number(b.optionKey)).map((r) => r.text ?? ''),
  }),
  toForm: (answer) => ({ values: [...answer.values] }),
  readForm: (question, field) => ({
    values: Array.from({ length: question.maxItems }, (_, i) => one(field(String(i + 1)))),
  }),
  validate: ({ question, value, complete, fail }) => {
    const entries = value.values.map((v, i) => ({ text: v.trim(), item: i + 1 })).filter((e) => e.text)
    if (entries.length === 0) return complete ? fail('required', ['1']) : null
    const tooLong = entries.filter((e) => e.text.length > question.maxLength)
    for (const e of tooLong)
      fail('maxLength', [String(e.item)], { item: e.item, maxLength: question.maxLength })
    return tooLong.length
      ? null
      : { type: 'textList', values: entries.slice(0, question.maxItems).map((e) => e.text) }
  },
  messages: {
    required: () => 'validation.textList.required',
    maxLength: () => 'validation.textList.maxLength',
  },
  display: (_question, answer) => answer.values,
  listPhrases: (_question, answer) => answer.values,
  chosenCount: (_question, answer) => answer.values.length,
  // The review export keeps a list in one cell; the open data gives each entry a column.
  columns: (question, layout) =>
    layout.kind === 'review'
      ? [
          {
            name: question.key,
            optionKey: '',
            values: `Items as written, joined by "${LIST_SEPARATOR}"`,
            read: (answer) => answer.values.join(LIST_SEPARATOR),
          },
        ]
      : Array.from({ length: question.maxItems }, (_, index) => ({
          name: `${question.key}.${index + 1}`,
          optionKey: String(index),
          values: `Entry ${index + 1} as written`,
          read: (answer: TextListAnswer) => answer.values[index] ?? null,
        })),
  countedKeys: () => [],
  chart: 'none',
  demo: (_question, ctx) => ({ type: 'textList', values: [ctx.personName()] }),
  authoringFields: [
    maxLengthField,
    {
      name: 'maxItems',
      label: 'Most answers (optional)',
      kind: 'number',
      width: 'govuk-input--width-3',
      inputmode: 'numeric',
      called: 'most items',
    },
  ],
  initialLists: [],
}
