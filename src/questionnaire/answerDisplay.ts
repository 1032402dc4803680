import type { Question } from './definitionSchema'
import { answerOf, typeModule, type AnswerValue } from './types'
import { DEFAULT_LOCALE, translator, type Locale } from '../i18n/catalogues'

/**
 * An answer as lines of plain text, for check-answers, review and exports
 * ("Other: …" as written, notes after their option). Views escape it. In another language
 * than English, the words the interface adds ("Yes", "No", "Other: ") are that language's;
 * the definition's own labels are as given (their translation is the definition's).
 */
export function displayAnswer(
  question: Question,
  value: AnswerValue | undefined,
  locale: Locale = DEFAULT_LOCALE,
): string[] {
  const answer = answerOf(question, value)
  const lines = answer ? typeModule(question.type).display(question, answer) : []
  if (locale === DEFAULT_LOCALE) return lines
  const t = translator(locale)
  if (question.type === 'yesno')
    return lines.map((line) =>
      line === 'Yes' ? t('survey.question.yes') : line === 'No' ? t('survey.question.no') : line,
    )
  if (question.type !== 'single' && question.type !== 'multiple') return lines
  const other = `${t('survey.question.other')}: `
  return lines.map((line) => (line.startsWith('Other: ') ? other + line.slice('Other: '.length) : line))
}
