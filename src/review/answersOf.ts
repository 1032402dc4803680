import { groupRows, rowsToAnswer, type AnswerRow, type Answers } from '../questionnaire/answerCodec'
import type { Definition } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'

/**
 * Reads responses' stored rows as answers keyed by question (rows of unknown questions are
 * left out). The questions are listed once, for readers of many responses (exports).
 */
export function answersReader(definition: Definition): (rows: AnswerRow[]) => Answers {
  const questions = allQuestions(definition).map(({ question }) => question)
  return (rows) => {
    const grouped = groupRows(rows)
    const answers: Answers = new Map()
    for (const question of questions) {
      const questionRows = grouped.get(question.key)
      const value = questionRows && rowsToAnswer(question, questionRows)
      if (value) answers.set(question.key, value)
    }
    return answers
  }
}

/** A response's stored rows as answers, keyed by question (rows of unknown questions are left out). */
export function answersFromRows(definition: Definition, rows: AnswerRow[]): Answers {
  return answersReader(definition)(rows)
}
