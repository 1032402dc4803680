import type { Question } from './definitionSchema'
import { answerOf, typeModule, type AnswerValue } from './types'

/**
 * An answer as lines of plain text, for check-answers, review and exports
 * ("Other: …" as written, notes after their option). Views escape it.
 */
export function displayAnswer(question: Question, value: AnswerValue | undefined): string[] {
  const answer = answerOf(question, value)
  return answer ? typeModule(question.type).display(question, answer) : []
}
