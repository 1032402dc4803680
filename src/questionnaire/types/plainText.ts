import { answerRow, one, type Check, type QuestionOf, type QuestionTypeModule } from './questionType'

/** What short and long text share: the text as written, up to a most number of characters. */

export interface TextAnswer<T extends 'text' | 'longtext'> {
  type: T
  value: string
}

export const maxLengthField = {
  name: 'maxLength',
  label: 'Longest answer in characters (optional)',
  kind: 'number' as const,
  width: 'govuk-input--width-5',
  inputmode: 'numeric' as const,
  called: 'longest answer',
}

export function textModule<T extends 'text' | 'longtext'>(
  type: T,
  title: string,
): QuestionTypeModule<T, TextAnswer<T>> {
  return {
    type,
    title,
    view: type,
    toRows: (questionKey, answer) => [answerRow(questionKey, '', { text: answer.value })],
    fromRows: (_question, [first]) => ({ type, value: first.text ?? '' }),
    toForm: (answer) => ({ text: answer.value }),
    readForm: (_question, field) => ({ text: one(field()) }),
    validate: ({ question, value, complete, fail }: Check<T>) => {
      const { maxLength } = question as QuestionOf<'text' | 'longtext'>
      const text = value.text.replace(/\r\n/g, '\n').trim()
      if (!text) return complete ? fail('required') : null
      if (text.length > maxLength) return fail('maxLength', [], { maxLength })
      return { type, value: text }
    },
    messages: {},
    display: (_question, answer) => [answer.value],
    sentenceValue: (_question, answer) => answer.value,
    columns: ({ key }: { key: string }) => [
      { name: key, optionKey: '', values: 'Text as written', read: (answer) => answer.value },
    ],
    countedKeys: () => [],
    chart: 'none',
    demo: (_question, ctx) => ({ type, value: `Demo answer from ${ctx.city.name}.` }),
    authoringFields: [maxLengthField],
    initialLists: [],
  }
}
