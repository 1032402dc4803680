/**
 * Numbers and lists as the profile sentences write them, in the language a snapshot is being made
 * in (issue 19). Regeneration makes each language's profiles inside `inLocale(locale, …)`; outside
 * one, the words are English. Pure functions, unit-tested against hand-computed cases
 * (test/unit/profilesWording.test.ts, test/unit/profilesWordingSpanish.test.ts).
 */
import { translator, type Locale } from '../i18n/catalogues'
import { wordingLocale } from '../i18n/wordingScope'

export { inLocale, wordingLocale } from '../i18n/wordingScope'

const numberFormats = new Map<Locale, Intl.NumberFormat>()
const numberFormat = (locale: Locale): Intl.NumberFormat => {
  let format = numberFormats.get(locale)
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale)))
  return format
}

/** A whole number with thousands separators, as the profile header writes "159,000" ("159.000"). */
export const formatCount = (value: number): string => numberFormat(wordingLocale()).format(value)

/**
 * `part` of `whole` as a whole percent, rounded half up (12.5 → 13). Integer arithmetic,
 * so 0.5 boundaries never fall to floating-point error.
 */
export function roundedPercent(part: number, whole: number): number {
  if (whole <= 0) return 0
  return Math.floor((200 * part + whole) / (2 * whole))
}

/** "81%" (Spanish: "81 %", with a no-break space, as its style books write it). */
export const percentText = (percent: number): string => {
  const locale = wordingLocale()
  return locale === 'en' ? `${percent}%` : translator(locale)('profileWords.percent', { percent })
}

/**
 * The share in words where a template asks for words: "more than half" when strictly more than
 * half of the cities gave the answer (instrument §4.2 suggested rule), otherwise the number.
 */
export function shareInWords(part: number, whole: number): string {
  return 2 * part > whole
    ? translator(wordingLocale())('profileWords.moreThanHalf')
    : percentText(roundedPercent(part, whole))
}

/**
 * Joins sentence phrases the way the seed profile does: "a, b, and c" for three or more;
 * for two, "a and b" unless a phrase already contains " and " ("the private sector, academia
 * and think tanks"), where a second "and" would blur where one partner ends. Other languages
 * join as their own grammar does (Intl.ListFormat: "a, b y c").
 */
export function joinList(items: string[]): string {
  const locale = wordingLocale()
  if (locale !== 'en') return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items)
  if (items.length <= 1) return items.join('')
  if (items.length === 2) {
    return items.some((item) => / and /.test(item))
      ? `${items[0]}, ${items[1]}`
      : `${items[0]} and ${items[1]}`
  }
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`
}

/** "1 city" / "47 cities" ("1 ciudad" / "47 ciudades": the catalogue's plural rules). */
export const citiesText = (count: number): string => {
  const locale = wordingLocale()
  return locale === 'en'
    ? `${formatCount(count)} ${count === 1 ? 'city' : 'cities'}`
    : translator(locale)('profileWords.cities', { count })
}

/** A matrix row a city left blank (data it does not collect, or does not know about). */
export const notCollected = (): string => translator(wordingLocale())('profileWords.notCollected')

/**
 * A header heading for several answers: English adds "s" ("Website" → "Websites") unless it has
 * one; Spanish makes its first word plural, the noun of the phrase ("Sitio web" → "Sitios web",
 * "Acción" → "Acciones", "Red" → "Redes"). The catalogue's ICU plural chooses between the two.
 */
export function headerHeading(heading: string, count: number): string {
  const locale = wordingLocale()
  return translator(locale)('profileWords.headerPlural', {
    count,
    heading,
    plural: pluralHeading(heading, locale),
  })
}

function pluralHeading(heading: string, locale: Locale): string {
  if (locale === 'en') return heading.endsWith('s') ? heading : `${heading}s`
  const [first, ...rest] = heading.split(' ')
  const tail = rest.length > 0 ? ` ${rest.join(' ')}` : ''
  if (/[sx]$/i.test(first)) return heading
  if (/[aeiouáéó]$/i.test(first)) return `${first}s${tail}`
  if (/ión$/i.test(first)) return `${first.slice(0, -3)}iones${tail}`
  if (/z$/i.test(first)) return `${first.slice(0, -1)}ces${tail}`
  return `${first}es${tail}`
}
