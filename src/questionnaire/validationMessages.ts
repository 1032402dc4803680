import type { Question } from './definitionSchema'
import { bare, nounPhrase, upperFirst } from './labelWords'
import { typeModule } from './types'
import type { Failure, MessageParams, MessageWords } from './types/questionType'

export type { Failure, MessageParams } from './types/questionType'
export { nounPhrase, whetherClause } from './labelWords'

const numberFormat = new Intl.NumberFormat('en-GB')
const show = (value: string | number) => (typeof value === 'number' ? numberFormat.format(value) : value)

/** Fills {placeholders} ({min}, {max}, {maxLength}, {maxChoices}, {option}, {row}, {item}, {label}). */
export const fill = (template: string, params: MessageParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? show(params[name]) : whole))

/** The wording of each failure where the question's type has none of its own. */
const alike: Record<Failure, (words: MessageWords) => string> = {
  required: ({ noun, quoted }) => (noun ? `Enter ${noun}` : `Enter an answer for ${quoted}`),
  invalid: ({ quoted }) => `Select one of the answers offered for ${quoted}`,
  integer: ({ noun, quoted }) =>
    noun ? `Enter ${noun} as a whole number` : `Enter a whole number for ${quoted}`,
  range: ({ subject }) => `${subject} must be between {min} and {max}`,
  min: ({ subject }) => `${subject} must be {min} or more`,
  max: ({ subject }) => `${subject} must be {max} or less`,
  maxLength: ({ subject }) => `${subject} must be {maxLength} characters or fewer`,
  maxChoices: ({ quoted }) => `Select no more than {maxChoices} answers for ${quoted}`,
  exclusive: ({ quoted }) => `Select either “{option}” or other answers for ${quoted}, not both`,
  incomplete: ({ quoted }) => `Select an answer for “{row}” in ${quoted}`,
  duplicate: ({ quoted }) => `Give each item of ${quoted} a different rank`,
  otherRequired: ({ quoted }) => `Enter your other answer for ${quoted}`,
  otherMaxLength: ({ quoted }) => `Your other answer for ${quoted} must be {maxLength} characters or fewer`,
  noteMaxLength: () => `The note about “{option}” must be {maxLength} characters or fewer`,
}

function defaultTemplate(question: Question, failure: Failure): string {
  const quoted = `“${bare(question.label)}”`
  const noun = nounPhrase(question.label)
  const words: MessageWords = { quoted, noun, subject: noun ? upperFirst(noun) : `The answer to ${quoted}` }
  return typeModule(question.type).messages[failure]?.(words, question) ?? alike[failure](words)
}

/**
 * The message for one failure of one question: the definition's own wording, or one written
 * from its label. Given several failures that fit (a number below the minimum of a range is
 * both "range" and "min"), the first the definition words itself wins, else the first.
 */
export function validationMessage(
  question: Question,
  failure: Failure | Failure[],
  params: MessageParams = {},
): string {
  const failures = Array.isArray(failure) ? failure : [failure]
  const worded = failures.find((f) => question.messages?.[f])
  const template = worded ? question.messages![worded] : defaultTemplate(question, failures[0])
  return fill(template, { label: bare(question.label), ...params })
}
