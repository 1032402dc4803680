import fs from 'node:fs'
import path from 'node:path'
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl'

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

type Catalogue = Record<string, string>

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

const cache = createIntlCache()
const catalogues = new Map<Locale, Catalogue>(LOCALES.map((locale) => [locale, catalogueOf(locale)]))
const intls = new Map<Locale, IntlShape<string>>(
  LOCALES.map((locale) => [
    locale,
    createIntl({ locale, defaultLocale: DEFAULT_LOCALE, messages: catalogues.get(locale)! }, cache),
  ]),
)
const translators = new Map<Locale, Translate>()

/** The `t(key, values)` of one language, falling back to English key by key. */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale)
  if (t) return t
  const own = catalogues.get(locale)!
  const english = catalogues.get(DEFAULT_LOCALE)!
  t = (key, values) => {
    const intl = key in own ? intls.get(locale)! : intls.get(DEFAULT_LOCALE)!
    if (!(key in own) && !(key in english)) throw new Error(`No English text for the message ${key}`)
    return intl.formatMessage({ id: key }, values) as string
  }
  translators.set(locale, t)
  return t
}

/** English, for texts that exist before any request (and as the default of every page). */
export const english: Translate = translator(DEFAULT_LOCALE)

/** The `t` a request was given (res.locals.t, set by setUpLocale); English where none was. */
export const translatorOf = (locals: Record<string, unknown>): Translate =>
  (locals.t as Translate | undefined) ?? english
