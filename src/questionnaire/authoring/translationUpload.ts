import type { Definition } from '../definitionSchema'
import { definitionTexts, type DefinitionText } from '../definitionTexts'
import { placeholderMismatch } from '../translationProblems'
import type { ReadRow } from './translationFile'

/** One thing to fix (or, as a warning, to check) in an uploaded translation file. */
export interface TranslationIssue {
  /** The file's line (the heading is line 1). */
  line: number
  key: string
  /** Where the text is, in the editor's words (the file's own words when the key is unknown). */
  where: string
  message: string
}

export type TranslationCheck =
  | { ok: true; translations: Record<string, string>; warnings: TranslationIssue[] }
  | { ok: false; problems: TranslationIssue[]; warnings: TranslationIssue[] }

/** Line ends and runs of spaces differ between spreadsheet programs; the words do not. */
const sameText = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()

/**
 * Checks an uploaded translation file against the definition as it is now, and lists every
 * problem at once: a row without a key, a key twice, a key that names no text of the
 * questionnaire, a translation that loses or adds placeholders. A row whose English is not the
 * English now (it changed since the file was downloaded) is a warning: the translation is kept,
 * and the author is asked to check it. An empty translation leaves the text untranslated.
 */
export function checkTranslationRows(definition: Definition, rows: ReadRow[]): TranslationCheck {
  const texts = new Map<string, DefinitionText>(definitionTexts(definition).map((text) => [text.key, text]))
  const problems: TranslationIssue[] = []
  const warnings: TranslationIssue[] = []
  const seen = new Map<string, number>()
  const translations: Record<string, string> = {}
  for (const row of rows) {
    const issue = (where: string, message: string) => ({ line: row.line, key: row.key, where, message })
    if (!row.key) {
      problems.push(
        issue(
          row.where || 'No key',
          'the row has a translation but no key: copy the key from a downloaded file',
        ),
      )
      continue
    }
    const text = texts.get(row.key)
    if (!text) {
      problems.push(
        issue(
          row.where || row.key,
          `the key “${row.key}” names no text of this questionnaire: download the file again and copy the translation to the row of the text it translates`,
        ),
      )
      continue
    }
    const earlier = seen.get(row.key)
    if (earlier !== undefined) {
      problems.push(
        issue(text.where, `the key “${row.key}” is also on line ${earlier}: keep one row for each text`),
      )
      continue
    }
    seen.set(row.key, row.line)
    const translated = row.translation.trim()
    if (!translated) continue
    const mismatch = placeholderMismatch(text.english, translated)
    if (mismatch) problems.push(issue(text.where, mismatch))
    if (row.english.trim() && !sameText(row.english, text.english))
      warnings.push(
        issue(
          text.where,
          `the English has changed since the file was downloaded: it now reads “${text.english}”; check that the translation still says the same`,
        ),
      )
    translations[row.key] = translated
  }
  return problems.length > 0 ? { ok: false, problems, warnings } : { ok: true, translations, warnings }
}
