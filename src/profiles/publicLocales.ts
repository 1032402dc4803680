import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/catalogues'
import type { Definition } from '../questionnaire/definitionSchema'
import { completeLocales } from '../questionnaire/definitionTexts'

/**
 * The languages an edition's public pages (profiles, results, PDFs) are made in: English always,
 * then each interface language whose translation of the questionnaire is complete (issue 19).
 */
export function publicLocales(definition: Definition): Locale[] {
  const complete = new Set(completeLocales(definition))
  return LOCALES.filter((locale) => locale === DEFAULT_LOCALE || complete.has(locale))
}
