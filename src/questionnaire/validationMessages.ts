import type { Question } from './definitionSchema'

/**
 * The ways an answer can fail; a question's `messages` record may override any of them
 * (the shipped definitions use required, invalid, integer, min, max, maxLength, maxChoices,
 * otherRequired and exclusive).
 */
export type Failure =
  | 'required'
  | 'invalid'
  | 'integer'
  | 'range'
  | 'min'
  | 'max'
  | 'maxLength'
  | 'maxChoices'
  | 'exclusive'
  | 'incomplete'
  | 'duplicate'
  | 'otherRequired'
  | 'otherMaxLength'
  | 'noteMaxLength'

export type MessageParams = Record<string, string | number>

const numberFormat = new Intl.NumberFormat('en-GB')
const show = (value: string | number) => (typeof value === 'number' ? numberFormat.format(value) : value)

/** Fills {placeholders} ({min}, {max}, {maxLength}, {maxChoices}, {option}, {row}, {item}, {label}). */
export const fill = (template: string, params: MessageParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? show(params[name]) : whole))

/** Labels that are instructions ("Describe the strategy"), not names of a thing. */
const imperative =
  /^(tell|describe|give|list|enter|name|explain|provide|select|choose|rank|rate|put|write|add|state|summari[sz]e|indicate|specify|upload|share)\b/i

const bare = (label: string) => label.trim().replace(/[?:.\s]+$/, '')
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text)
const upperFirst = (text: string) => text[0].toUpperCase() + text.slice(1)

/**
 * "What is the city's population?" → "the city's population"; "Population" → "the population";
 * "How many staff work in the team?" → "the number of staff". Undefined when the label is a
 * question of another shape: the message then quotes the label instead.
 */
export function nounPhrase(label: string): string | undefined {
  const text = bare(label)
  if (!label.trim().endsWith('?')) {
    if (text.split(/\s+/).length > 8 || imperative.test(text)) return undefined
    return /^(the|a|an|your|its|this|their)\s/i.test(text) ? lowerFirst(text) : `the ${lowerFirst(text)}`
  }
  const what = /^(?:what|which) (?:is|are|was|were) (.+)$/i.exec(text)
  if (what) return what[1]
  const howMany = /^how many (.+?) (?:does|do|did|are|is|has|have|work|were|was)\b/i.exec(text)
  if (howMany) return `the number of ${howMany[1]}`
  return undefined
}

const verbs = [
  'have',
  'use',
  'publish',
  'monitor',
  'evaluate',
  'measure',
  'collect',
  'offer',
  'run',
  'fund',
  'employ',
  'track',
  'share',
  'maintain',
  'provide',
  'work',
  'partner',
  'involve',
  'engage',
]

/** "Does the city have dedicated funding?" → "the city has dedicated funding". */
export function whetherClause(label: string): string | undefined {
  const match = /^(does|do) (.+)$/i.exec(bare(label))
  if (!match || !label.trim().endsWith('?')) return undefined
  const words = match[2].split(' ')
  const at = words.findIndex((word, i) => i > 0 && verbs.includes(word.toLowerCase()))
  if (at < 1) return undefined
  const verb = words[at].toLowerCase()
  const conjugated =
    match[1].toLowerCase() === 'do'
      ? verb
      : verb === 'have'
        ? 'has'
        : /(s|sh|ch|x|z|o)$/.test(verb)
          ? `${verb}es`
          : `${verb}s`
  return [...words.slice(0, at), conjugated, ...words.slice(at + 1)].join(' ')
}

function defaultTemplate(question: Question, failure: Failure): string {
  const quoted = `“${bare(question.label)}”`
  const noun = nounPhrase(question.label)
  const subject = noun ? upperFirst(noun) : `The answer to ${quoted}`
  switch (failure) {
    case 'required':
      return requiredTemplate(question, quoted, noun)
    case 'invalid':
      if (question.type === 'number')
        return noun ? `Enter ${noun} as a number` : `Enter a number for ${quoted}`
      if (question.type === 'year')
        return noun ? `Enter ${noun} as a year, like 2019` : `Enter a year, like 2019, for ${quoted}`
      if (question.type === 'url')
        return noun
          ? `Enter ${noun} as a web address, like https://www.example.org`
          : `Enter a web address, like https://www.example.org, for ${quoted}`
      if (question.type === 'ranking') return `Rank the items of ${quoted} with the numbers offered`
      return `Select one of the answers offered for ${quoted}`
    case 'integer':
      return noun ? `Enter ${noun} as a whole number` : `Enter a whole number for ${quoted}`
    case 'range':
      return `${subject} must be between {min} and {max}`
    case 'min':
      return `${subject} must be {min} or more`
    case 'max':
      return `${subject} must be {max} or less`
    case 'maxLength':
      if (question.type === 'textList')
        return `Entry {item} of ${quoted} must be {maxLength} characters or fewer`
      return `${subject} must be {maxLength} characters or fewer`
    case 'maxChoices':
      return `Select no more than {maxChoices} answers for ${quoted}`
    case 'exclusive':
      return `Select either “{option}” or other answers for ${quoted}, not both`
    case 'incomplete':
      return question.type === 'ranking'
        ? `Rank every item of ${quoted}, or leave them all blank`
        : `Select an answer for “{row}” in ${quoted}`
    case 'duplicate':
      return `Give each item of ${quoted} a different rank`
    case 'otherRequired':
      return `Enter your other answer for ${quoted}`
    case 'otherMaxLength':
      return `Your other answer for ${quoted} must be {maxLength} characters or fewer`
    case 'noteMaxLength':
      return `The note about “{option}” must be {maxLength} characters or fewer`
  }
}

function requiredTemplate(question: Question, quoted: string, noun: string | undefined): string {
  switch (question.type) {
    case 'yesno': {
      const whether = whetherClause(question.label)
      return whether ? `Select whether ${whether}` : `Select yes or no for ${quoted}`
    }
    case 'single':
      return noun ? `Select ${noun}` : `Select an answer for ${quoted}`
    case 'multiple':
      return `Select at least one answer for ${quoted}`
    case 'rating':
      return `Select a rating for each item in ${quoted}`
    case 'matrix':
      return `Select an answer for each row in ${quoted}`
    case 'ranking':
      return `Rank every item in ${quoted}`
    case 'textList':
      return `Enter at least one answer for ${quoted}`
    default:
      return noun ? `Enter ${noun}` : `Enter an answer for ${quoted}`
  }
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
