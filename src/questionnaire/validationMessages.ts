import type { Question } from './definitionSchema'
import { bare, nounPhrase, upperFirst, whetherClause } from './labelWords'
import { typeModule } from './types'
import type { Failure, MessageParams, MessageWords, Worded } from './types/questionType'
import { DEFAULT_LOCALE, translator, type Locale, type MessageValues } from '../i18n/catalogues'

export type { Failure, MessageParams } from './types/questionType'
export { nounPhrase, whetherClause } from './labelWords'

const numberFormats = new Map<Locale, Intl.NumberFormat>()
const numberFormat = (locale: Locale) => {
  let format = numberFormats.get(locale)
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale)))
  return format
}
const show = (value: string | number, locale: Locale = DEFAULT_LOCALE) =>
  typeof value === 'number' ? numberFormat(locale).format(value) : value

/** Fills {placeholders} ({min}, {max}, {maxLength}, {maxChoices}, {option}, {row}, {item}, {label}). */
export const fill = (template: string, params: MessageParams, locale: Locale = DEFAULT_LOCALE): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? show(params[name], locale) : whole,
  )

/**
 * The catalogue key (src/i18n/locales, group `validation`) of each failure where the question's
 * type has none of its own; `noun` picks the wording that names the answer by its noun phrase.
 */
const alike: Record<Failure, (words: MessageWords) => Worded> = {
  required: ({ noun }) => (noun ? 'validation.required.noun' : 'validation.required.quoted'),
  invalid: () => 'validation.invalid',
  integer: ({ noun }) => (noun ? 'validation.integer.noun' : 'validation.integer.quoted'),
  range: () => 'validation.range',
  min: () => 'validation.min',
  max: () => 'validation.max',
  maxLength: () => 'validation.maxLength',
  maxChoices: () => 'validation.maxChoices',
  exclusive: () => 'validation.exclusive',
  incomplete: () => 'validation.incomplete',
  duplicate: () => 'validation.duplicate',
  otherRequired: () => 'validation.otherRequired',
  otherMaxLength: () => 'validation.otherMaxLength',
  noteMaxLength: () => 'validation.noteMaxLength',
}

/**
 * A default message in the page's language, written from the label the page shows. Noun phrases
 * and "whether" clauses are made by English grammar, so other languages quote the label.
 */
function defaultMessage(question: Question, failure: Failure, params: MessageParams, locale: Locale): string {
  const t = translator(locale)
  const quoted = t('validation.quoted', { label: bare(question.label) })
  const english = locale === 'en'
  const noun = english ? nounPhrase(question.label) : undefined
  const words: MessageWords = {
    quoted,
    noun,
    subject: noun ? upperFirst(noun) : t('validation.subject', { quoted }),
    whether: english && question.type === 'yesno' ? whetherClause(question.label) : undefined,
  }
  const worded = typeModule(question.type).messages[failure]?.(words, question) ?? alike[failure](words)
  const [key, extra] = typeof worded === 'string' ? [worded, {}] : [worded.key, worded.values]
  const values: MessageValues = { label: bare(question.label), quoted, subject: words.subject, ...extra }
  if (noun) values.noun = noun
  for (const [name, value] of Object.entries(params)) values[name] = show(value, locale)
  return t(key, values)
}

/**
 * The message for one failure of one question: the definition's own wording, or one written
 * from its label in the page's language. Given several failures that fit (a number below the
 * minimum of a range is both "range" and "min"), the first the definition words itself wins, else the first.
 */
export function validationMessage(
  question: Question,
  failure: Failure | Failure[],
  params: MessageParams = {},
  locale: Locale = DEFAULT_LOCALE,
): string {
  const failures = Array.isArray(failure) ? failure : [failure]
  const worded = failures.find((f) => question.messages?.[f])
  if (worded) return fill(question.messages![worded]!, { label: bare(question.label), ...params }, locale)
  return defaultMessage(question, failures[0], params, locale)
}
