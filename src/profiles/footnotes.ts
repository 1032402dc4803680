import type { Option, Question } from '../questionnaire/definitionSchema'
import { isOffered } from '../questionnaire/definitionModel'
import { wordingLocale, wordingTranslator } from '../i18n/wordingScope'
import type { QuestionAggregate } from './profileContent'

/**
 * Quoted labels need no comma rule: "a" and "b"; "a", "b", and "c". Other languages join as
 * their grammar does ("a", "b" y "c").
 */
const joinQuoted = (items: string[]): string => {
  const locale = wordingLocale()
  if (locale !== 'en') return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items)
  return items.length <= 2
    ? items.join(' and ')
    : `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`
}

/** The options a chart over these edition years shows: offered in at least one of them. */
export function chartOptions(question: Question, years: number[]): Option[] {
  if (!('options' in question)) return []
  return question.options.filter(
    (option) => !option.exclusive && years.some((year) => isOffered(option, year)),
  )
}

/**
 * The footnote for options offered in only some of the editions a chart counts, generated
 * from `availableIn` (DESIGN §2), e.g. *"Training staff and building capacity" is not an option
 * in the 2018 survey, while "Launching or sustaining a project" is not an option in the 2020 survey.
 */
export function availabilityFootnote(question: Question, years: number[]): string | undefined {
  const t = wordingTranslator()
  const shown = chartOptions(question, years)
  const clauses = [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const missing = shown.filter((option) => !isOffered(option, year)).map((option) => `"${option.label}"`)
      if (missing.length === 0) return undefined
      return t('profileWords.notOffered', {
        options: joinQuoted(missing),
        count: missing.length,
        year: String(year),
      })
    })
    .filter((clause): clause is string => clause !== undefined)
  if (clauses.length === 0) return undefined
  return `*${clauses.reduce((first, second) => t('profileWords.notOfferedWhile', { first, second }))}.`
}

/**
 * The cities an option's share is of: those that answered the question in a survey year that
 * offered it ("Launching or sustaining a project": 31 of the 47 cities offered it, not of all
 * 122 that answered). Undefined when that is every city that answered.
 */
export function offeredBase(aggregate: QuestionAggregate, option: Option | undefined): number | undefined {
  if (!option?.availableIn || !aggregate.answeredByYear) return undefined
  const base = Object.entries(aggregate.answeredByYear)
    .filter(([year]) => isOffered(option, Number(year)))
    .reduce((sum, [, count]) => sum + count, 0)
  return base === aggregate.answered ? undefined : base
}

/** Said under a chart whose rows have bases of their own, in the language being written. */
export const offeredBaseNote = (): string => wordingTranslator()('profileWords.offeredBaseNote')
