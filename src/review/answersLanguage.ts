import { DEFAULT_LOCALE, LOCALE_NAMES, isLocale } from '../i18n/catalogues'
import type { ResponseRecord } from '../responses/responseRecords'

/**
 * The review page's choice of language for a response's questions (issue 19): English, or the
 * language the officer gave the answers in. Answers themselves are the same in both: option
 * keys never change with the language, and free text is shown as written.
 */
export function answersLanguages(response: Pick<ResponseRecord, 'locale'>, readIn?: string) {
  const given = isLocale(response.locale) ? response.locale : undefined
  const reading = given && readIn === given ? given : DEFAULT_LOCALE
  const choices =
    given && given !== DEFAULT_LOCALE
      ? [DEFAULT_LOCALE, given].map((code) => ({ code, name: LOCALE_NAMES[code], current: code === reading }))
      : []
  return { given, givenName: given ? LOCALE_NAMES[given] : undefined, reading, choices }
}
