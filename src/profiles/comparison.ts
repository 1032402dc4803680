import type { Sentence } from '../questionnaire/definitionSchema'
import type { QuestionAggregate } from './profileContent'
import { translator } from '../i18n/catalogues'
import { citiesText, wordingLocale } from './wording'

/** Placeholders filled from the shares. */
const sharePlaceholders = /\{(share|shareInWords|othersShare)\}/

/**
 * Words that compare the city with the others. In a template they are only true when the
 * shares say so, so a template may use them only with a share placeholder or a `moreThanHalf`
 * condition that chose it ("Unlike most cities surveyed" written as fixed text was published
 * with 1 city compared, issue 13 item 15).
 */
const comparativeWords =
  /^(Like|Unlike|Similar to|Along with|Como|A diferencia de|Al igual que|Junto con)\b|\b(most|more than half|majority|minority|la mayoría|más de la mitad|mayoría|minoría)(?![\p{L}])/iu

/** The sentence's wording depends on the shares: it is withheld below the disclosure threshold. */
export const isComparison = (sentence: Sentence): boolean =>
  sharePlaceholders.test(sentence.text) ||
  sentence.when?.moreThanHalf !== undefined ||
  comparativeWords.test(sentence.text)

/**
 * Comparative words with nothing to derive them from (no share placeholder, no share
 * condition): never published, whatever the shares, as a definition stored before the
 * placeholders existed may hold them.
 */
export const isFixedComparison = (sentence: Sentence): boolean =>
  comparativeWords.test(sentence.text) &&
  !sharePlaceholders.test(sentence.text) &&
  sentence.when?.moreThanHalf === undefined

/** Whether the sentence's share condition holds: `same` of the cities that answered. */
export function shareConditionHolds(sentence: Sentence, same: number, answered: number): boolean {
  const wanted = sentence.when?.moreThanHalf
  return wanted === undefined || wanted === 2 * same > answered
}

/** What shares count when it is not every city compared. */
export interface ShareBase {
  /** Cities compared (the basis). */
  basisSize: number
  /** Who is asked the question ("cities with dedicated funding"), from the definition. */
  askedOf?: string
}

/**
 * The base of a question's shares in words, where it differs from the page's ("of 151 cities
 * surveyed"): "the 122 cities with dedicated funding", or "the 140 cities that answered" when a
 * questionnaire change hid some answers. Undefined when every city compared answered.
 */
export function baseWords(aggregate: QuestionAggregate, base: ShareBase): string | undefined {
  if (aggregate.answered === base.basisSize) return undefined
  const locale = wordingLocale()
  if (locale !== 'en') {
    const t = translator(locale)
    const count = aggregate.answered
    return base.askedOf
      ? t('profileWords.baseAskedOf', { count, askedOf: base.askedOf })
      : t('profileWords.baseAnswered', { count })
  }
  const cities = citiesText(aggregate.answered)
  return base.askedOf ? `the ${cities.replace(/cities?$/, '')}${base.askedOf}` : `the ${cities} that answered`
}

/** The template's "of cities surveyed" with the question's own base, where it differs. */
export function withBase(text: string, aggregate: QuestionAggregate, base: ShareBase): string {
  const words = baseWords(aggregate, base)
  if (!words) return text
  const locale = wordingLocale()
  if (locale === 'en') return text.replace(/\bof cities surveyed\b/, `of ${words}`)
  const t = translator(locale)
  return text.replace(t('profileWords.ofCitiesSurveyed'), t('profileWords.ofBase', { base: words }))
}
