import type { AnswerRow } from '../db/answerRow'
import type { Question } from './definitionSchema'
import { typeModule } from './types'
import type { AnswerValue } from './types'

// The row type is the answers table's, so it lives with the database code (src/db).
export type { AnswerRow }
export { OTHER } from './types/questionType'
export type { AnswerValue, Answers } from './types'

/** Turns one answer into its stored rows (DESIGN §3: long format, one row per question and option). */
export function answerToRows(questionKey: string, value: AnswerValue): AnswerRow[] {
  return typeModule(value.type).toRows(questionKey, value)
}

/** Rebuilds one question's answer from its rows; undefined when there are none. */
export function rowsToAnswer(question: Question, rows: AnswerRow[]): AnswerValue | undefined {
  if (rows.length === 0) return undefined
  return typeModule(question.type).fromRows(question, rows)
}

/** Groups a response's rows by question key. */
export function groupRows(rows: AnswerRow[]): Map<string, AnswerRow[]> {
  const byQuestion = new Map<string, AnswerRow[]>()
  for (const r of rows) {
    const list = byQuestion.get(r.questionKey)
    if (list) list.push(r)
    else byQuestion.set(r.questionKey, [r])
  }
  return byQuestion
}
