import { groupRows, rowsToAnswer, type AnswerRow, type Answers } from '../questionnaire/answerCodec'
import type { Definition } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'
import { visibleAnswers } from '../questionnaire/visibility'
import type { ResponseRef } from './aggregate'
import type { BasisMember } from './profileContent'

/**
 * Rebuilds each response's visible answers with the definition of the edition it was given in
 * (keys are stable across editions, so the counts line up). Rows must be ordered by response.
 */
export function buildMembers(
  refs: ResponseRef[],
  rows: Array<AnswerRow & { responseId: number }>,
  definitions: Map<number, Definition>,
): Map<number, BasisMember> {
  const wanted = new Map(refs.map((ref) => [ref.responseId, ref]))
  const byResponse = new Map<number, AnswerRow[]>()
  for (const row of rows) {
    if (!wanted.has(row.responseId)) continue
    const list = byResponse.get(row.responseId)
    if (list) list.push(row)
    else byResponse.set(row.responseId, [row])
  }
  const members = new Map<number, BasisMember>()
  for (const ref of refs) {
    const definition = definitions.get(ref.year)
    if (!definition) continue
    const grouped = groupRows(byResponse.get(ref.responseId) ?? [])
    const answers: Answers = new Map()
    for (const { question } of allQuestions(definition)) {
      const value = rowsToAnswer(question, grouped.get(question.key) ?? [])
      if (value) answers.set(question.key, value)
    }
    members.set(ref.responseId, {
      cityId: ref.cityId,
      year: ref.year,
      answers: visibleAnswers(definition, answers),
    })
  }
  return members
}
