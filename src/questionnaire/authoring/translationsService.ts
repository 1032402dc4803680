import { NotFoundError } from '../../shared/errors'
import type { Definition } from '../definitionSchema'
import { definitionTexts, untranslatedTexts } from '../definitionTexts'
import { languageName, translationLocales } from '../translationProblems'
import type { AuthoringService } from './authoringService'
import { checkTranslationRows, type TranslationIssue } from './translationUpload'
import { readTranslationFile, translationCsv, translationRows, translationXlsx } from './translationFile'

export type TranslationFormat = 'csv' | 'xlsx'

export type UploadResult =
  | { ok: true; translated: number; total: number; warnings: TranslationIssue[] }
  | { ok: false; problems: TranslationIssue[]; warnings: TranslationIssue[] }

const refuse = (message: string): UploadResult => ({
  ok: false,
  problems: [{ line: 0, key: '', where: 'The file', message }],
  warnings: [],
})

/** One language's state: how many texts are translated and which are not (shown in English). */
export function languageState(definition: Definition, locale: string) {
  const total = definitionTexts(definition).length
  const untranslated = untranslatedTexts(definition, locale)
  return { locale, name: languageName(locale), total, translated: total - untranslated.length, untranslated }
}

function knownLocale(locale: string): string {
  if (!(translationLocales as readonly string[]).includes(locale))
    throw new NotFoundError('The questionnaire is not translated into that language')
  return locale
}

/** The definition with one language's translations changed by an uploaded file's rows. */
function withTranslations(
  definition: Definition,
  locale: string,
  rows: Record<string, string>,
  keys: string[],
) {
  const draft = structuredClone(definition)
  const own = { ...draft.translations?.[locale] }
  // The file speaks for the texts it lists: an empty translation there leaves the text untranslated.
  for (const key of keys) delete own[key]
  Object.assign(own, rows)
  const others = Object.entries(draft.translations ?? {}).filter(([code]) => code !== locale)
  const languages = Object.keys(own).length > 0 ? [...others, [locale, own] as const] : others
  if (languages.length > 0) draft.translations = Object.fromEntries(languages)
  else delete draft.translations
  return draft
}

/** The questionnaire's translations: what is left to translate, the files, and their upload. */
export function translationsService(editor: AuthoringService) {
  return {
    /** Every language the questionnaire can be translated into, with what is left to do. */
    async overview(year: number) {
      const edition = await editor.edition(year)
      return { edition, languages: translationLocales.map((l) => languageState(edition.definition, l)) }
    },

    /** One language's state, for its page. */
    async language(year: number, locale: string) {
      const edition = await editor.edition(year)
      return { edition, language: languageState(edition.definition, knownLocale(locale)) }
    },

    /** The translation file of one language, to fill in and upload again. */
    async file(year: number, locale: string, format: TranslationFormat) {
      const edition = await editor.edition(year)
      const rows = translationRows(edition.definition, knownLocale(locale))
      const filename = `questionnaire-${edition.year}-${locale}.${format}`
      return format === 'csv'
        ? { filename, type: 'text/csv; charset=utf-8', body: translationCsv(rows) }
        : { filename, type: 'xlsx', body: await translationXlsx(rows, locale) }
    },

    /**
     * Reads an uploaded translation file and, when it has no problem, stores the language's
     * translations as a definition change (history and safe-change rules as any other edit).
     * With any problem nothing is kept and every problem is listed.
     */
    async upload(year: number, locale: string, actorId: number, bytes: Buffer): Promise<UploadResult> {
      const edition = await editor.edition(year)
      knownLocale(locale)
      const read = await readTranslationFile(bytes)
      if (!read.ok) return refuse(read.message)
      if (read.rows.length === 0) return refuse('The file has no rows of texts under its headings.')
      const checked = checkTranslationRows(edition.definition, read.rows)
      if (!checked.ok) return checked
      const keys = read.rows.map((row) => row.key)
      const draft = withTranslations(edition.definition, locale, checked.translations, keys)
      const summary = `Uploaded the ${languageName(locale)} translation`
      const stored = await editor.replace(year, actorId, draft, summary)
      if (!stored.ok)
        return {
          ok: false,
          problems: stored.problems.map((p) => ({ line: 0, key: '', where: p.where, message: p.message })),
          warnings: checked.warnings,
        }
      const state = languageState(draft, locale)
      return { ok: true, translated: state.translated, total: state.total, warnings: checked.warnings }
    },
  }
}

export type TranslationsService = ReturnType<typeof translationsService>
