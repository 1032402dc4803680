import fs from 'node:fs'
import path from 'node:path'
import { createIntl, createIntlCache } from '@formatjs/intl'

/**
 * The interface's message catalogues (src/i18n/locales/<locale>.json), formatted with ICU
 * MessageFormat through @formatjs/intl, so plurals follow each language's rules. A key missing
 * from a language's catalogue falls back to English; a key missing from English is a bug and throws.
 */

/** The interface languages, English first (the default and the fallback). */
export const LOCALES = ['en', 'es'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

/** Each language's name in itself, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español' }

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value)

export type MessageValues = Record<string, string | number>
export type Translate = (key: string, values?: MessageValues) => string

export type Catalogue = Record<string, string>

/** Nested JSON ({ "signIn": { "title": … } }) → flat keys ("signIn.title"). */
export function flatten(tree: Record<string, unknown>, prefix = ''): Catalogue {
  const flat: Catalogue = {}
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name
    if (typeof value === 'string') flat[key] = value
    else if (value && typeof value === 'object')
      Object.assign(flat, flatten(value as Record<string, unknown>, key))
    else throw new Error(`Message ${key} is neither text nor a group`)
  }
  return flat
}

const localesDir = path.join(import.meta.dirname, 'locales')

/** A language's catalogue as flat keys (read once). */
export function catalogueOf(locale: Locale): Catalogue {
  const file = path.join(localesDir, `${locale}.json`)
  return flatten(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
}

/**
 * Each language's `t(key, values)` over these catalogues, falling back to English key by key.
 * A key English lacks throws: it is a mistake in the code, never shown to a reader as a raw key.
 */
export function translators(catalogues: Record<Locale, Catalogue>): (locale: Locale) => Translate {
  const cache = createIntlCache()
  const english = catalogues[DEFAULT_LOCALE]
  const made = new Map<Locale, Translate>()
  const make = (locale: Locale): Translate => {
    const own = catalogues[locale]
    const intl = createIntl({ locale, defaultLocale: DEFAULT_LOCALE, messages: own }, cache)
    const fallback =
      locale === DEFAULT_LOCALE ? intl : createIntl({ locale: DEFAULT_LOCALE, messages: english }, cache)
    return (key, values) => {
      if (key in own) return intl.formatMessage({ id: key }, values) as string
      if (key in english) return fallback.formatMessage({ id: key }, values) as string
      throw new Error(`No English text for the message ${key}`)
    }
  }
  return (locale) => {
    let t = made.get(locale)
    if (!t) made.set(locale, (t = make(locale)))
    return t
  }
}

/** The `t(key, values)` of one language, from the catalogues in src/i18n/locales. */
export const translator = translators({ en: catalogueOf('en'), es: catalogueOf('es') })

/** English, for texts that exist before any request (and as the default of every page). */
export const english: Translate = translator(DEFAULT_LOCALE)

/** The `t` a request was given (res.locals.t, set by setUpLocale); English where none was. */
export const translatorOf = (locals: Record<string, unknown>): Translate =>
  (locals.t as Translate | undefined) ?? english
