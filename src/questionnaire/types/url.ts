import { answerRow, one, type QuestionTypeModule } from './questionType'

/** A web address; "www.example.org" is read as https://www.example.org. */
export interface UrlAnswer {
  type: 'url'
  value: string
}

const URL_MAX = 2000

function isWebAddress(text: string): boolean {
  try {
    const address = new URL(text)
    return (
      (address.protocol === 'https:' || address.protocol === 'http:') &&
      address.hostname.includes('.') &&
      !/\s/.test(text)
    )
  } catch {
    return false
  }
}

export const url: QuestionTypeModule<'url', UrlAnswer> = {
  type: 'url',
  title: 'Web address',
  view: 'url',
  toRows: (questionKey, answer) => [answerRow(questionKey, '', { text: answer.value })],
  fromRows: (_question, [first]) => ({ type: 'url', value: first.text ?? '' }),
  toForm: (answer) => ({ text: answer.value }),
  readForm: (_question, field) => ({ text: one(field()) }),
  validate: ({ value, complete, fail }) => {
    const text = value.text.trim()
    if (!text) return complete ? fail('required') : null
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`
    if (text.length > URL_MAX) return fail('maxLength', [], { maxLength: URL_MAX })
    return isWebAddress(withScheme) ? { type: 'url', value: withScheme } : fail('invalid')
  },
  messages: {
    invalid: ({ noun }) => (noun ? 'validation.url.invalid.noun' : 'validation.url.invalid.quoted'),
  },
  display: (_question, answer) => [answer.value],
  sentenceValue: (_question, answer) => answer.value,
  columns: (question) => [
    { name: question.key, optionKey: '', values: 'Text as written', read: (answer) => answer.value },
  ],
  countedKeys: () => [],
  chart: 'none',
  demo: (_question, ctx) => ({ type: 'url', value: `https://www.example.org/${ctx.city.slug}` }),
  authoringFields: [],
  initialLists: [],
}
