import { DEFAULT_LOCALE, LOCALES } from '../i18n/catalogues'
import { definitionSchema, type Definition } from './definitionSchema'
import type { DefinitionProblem } from './definitionProblem'
import { definitionTexts, type DefinitionText } from './definitionTexts'

const placeholderPattern = /\{([^{}]*)\}/g

/** The languages a questionnaire may be translated into: the site's, apart from English. */
export const translationLocales = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)

/** "Spanish (es)": a language as an English-reading author knows it. */
export function languageName(locale: string): string {
  const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(locale)
  return name ? `${name} (${locale})` : `“${locale}”`
}

/** The placeholders of a text, each once: "{city} … {share}" → ['city', 'share']. */
export const placeholdersOf = (text: string): string[] => [
  ...new Set([...text.matchAll(placeholderPattern)].map((match) => match[1])),
]

/**
 * What is wrong with one translated text against its English: a placeholder the English has
 * and the translation leaves out (the sentence would lose the city or the share), or one the
 * English does not have (it would be shown as written). Empty when they match.
 */
export function placeholderMismatch(english: string, translated: string): string | undefined {
  if (!translated.trim()) return undefined
  const expected = placeholdersOf(english)
  const used = placeholdersOf(translated)
  const missing = expected.filter((name) => !used.includes(name))
  const unknown = used.filter((name) => !expected.includes(name))
  const list = (names: string[]) => names.map((name) => `{${name}}`).join(', ')
  if (missing.length > 0 && unknown.length > 0)
    return `the translation leaves out ${list(missing)} and uses ${list(unknown)}, which the English does not have: keep the English placeholders as they are`
  if (missing.length > 0)
    return `the translation leaves out ${list(missing)}: keep every placeholder of the English (${list(expected)})`
  if (unknown.length > 0)
    return `the translation uses ${list(unknown)}, which the English does not have${expected.length ? `: use only ${list(expected)}` : ''}`
  return undefined
}

/**
 * The meaning of a definition's translations (issue 19): each language one the site offers
 * (English is the definition's own text), each key a text of this definition, and each
 * translated text keeping the English placeholders ({city}, {share} …).
 */
export function translationProblems(definition: Definition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const texts = new Map<string, DefinitionText>(definitionTexts(definition).map((text) => [text.key, text]))
  for (const [locale, translated] of Object.entries(definition.translations ?? {})) {
    const path = `translations.${locale}`
    const where = `Translation into ${languageName(locale)}`
    if (locale === DEFAULT_LOCALE) {
      problems.push({
        path,
        where,
        message: 'English is the questionnaire’s own text: change it in the editor, not as a translation',
      })
      continue
    }
    if (!(translationLocales as readonly string[]).includes(locale)) {
      const offered = translationLocales.map(languageName).join(', ')
      problems.push({
        path,
        where,
        message: `the site is not offered in the language “${locale}”, so it cannot be translated into it; use ${offered}`,
      })
      continue
    }
    for (const [key, text] of Object.entries(translated)) {
      const english = texts.get(key)
      if (!english) {
        problems.push({
          path: `${path}.${key}`,
          where,
          message: `the key “${key}” names no text of this questionnaire: remove it, or check it against a translation file downloaded now`,
        })
        continue
      }
      const mismatch = placeholderMismatch(english.english, text)
      if (mismatch)
        problems.push({
          path: `${path}.${key}`,
          where: `${english.where}, translation into ${languageName(locale)}`,
          message: mismatch,
        })
    }
  }
  return problems
}

/** The definition without translations of texts it no longer has (after a question or hint is removed). */
export function withoutStaleTranslations(definition: Definition): Definition {
  if (!definition.translations) return definition
  const keys = new Set(definitionTexts(definition).map((text) => text.key))
  for (const [locale, translated] of Object.entries(definition.translations))
    definition.translations[locale] = Object.fromEntries(
      Object.entries(translated).filter(([key]) => keys.has(key)),
    )
  return definition
}

/**
 * An imported definition without the translations of texts the stored one has and it no longer
 * has (a question or option removed or re-keyed): they go with their texts, as in the editor. A
 * key that never named a text of either stays, to be reported as a problem.
 */
export function withoutRemovedTexts(input: unknown, current: Definition): unknown {
  const parsed = definitionSchema.safeParse(input)
  if (!parsed.success || !parsed.data.translations) return input
  const now = new Set(definitionTexts(parsed.data).map((text) => text.key))
  const before = new Set(definitionTexts(current).map((text) => text.key))
  const copy = structuredClone(input) as { translations: Record<string, Record<string, string>> }
  for (const own of Object.values(copy.translations))
    for (const key of Object.keys(own)) if (!now.has(key) && before.has(key)) delete own[key]
  return copy
}
