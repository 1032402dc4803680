import { groupRows, rowsToAnswer, type AnswerRow, type Answers } from '../questionnaire/answerCodec'
import type { Definition } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'

/** A response's stored rows as answers, keyed by question (rows of unknown questions are left out). */
export function answersFromRows(definition: Definition, rows: AnswerRow[]): Answers {
  const grouped = groupRows(rows)
  const answers: Answers = new Map()
  for (const { question } of allQuestions(definition)) {
    const value = rowsToAnswer(question, grouped.get(question.key) ?? [])
    if (value) answers.set(question.key, value)
  }
  return answers
}
