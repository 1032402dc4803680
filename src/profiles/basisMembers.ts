import { groupRows, rowsToAnswer, type AnswerRow, type Answers } from '../questionnaire/answerCodec'
import type { Definition, Question } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'
import { visibleAnswers } from '../questionnaire/visibility'
import type { ResponseRef } from './aggregate'
import type { AnswerReader } from './profilesRepository'

/** Responses whose answers are read per query (about 60 rows each), never an edition's at once. */
export const MEMBER_PAGE = 100

/**
 * A response's visible answers, rebuilt with the definition of the edition it was given in
 * (keys are stable across editions, so the counts line up).
 */
export function memberAnswers(
  definition: Definition,
  rows: AnswerRow[],
  questions: Question[] = allQuestions(definition).map(({ question }) => question),
): Answers {
  const grouped = groupRows(rows)
  const answers: Answers = new Map()
  for (const question of questions) {
    const value = rowsToAnswer(question, grouped.get(question.key) ?? [])
    if (value) answers.set(question.key, value)
  }
  return visibleAnswers(definition, answers)
}

/**
 * Each response's visible answers, in the order given, read a page of responses per query: one
 * response's answers are in memory at a time (and one page's rows). Responses of an edition
 * without a definition are skipped.
 */
export async function* readMembers(
  refs: ResponseRef[],
  definitions: Map<number, Definition>,
  read: AnswerReader,
  pageSize = MEMBER_PAGE,
): AsyncGenerator<{ ref: ResponseRef; answers: Answers }> {
  const questions = new Map(
    [...definitions].map(([year, definition]) => [
      year,
      allQuestions(definition).map(({ question }) => question),
    ]),
  )
  for (let start = 0; start < refs.length; start += pageSize) {
    const page = refs.slice(start, start + pageSize)
    const rows = await read(page.map((ref) => ref.responseId))
    for (const ref of page) {
      const definition = definitions.get(ref.year)
      if (definition)
        yield {
          ref,
          answers: memberAnswers(definition, rows.get(ref.responseId) ?? [], questions.get(ref.year)),
        }
    }
  }
}

/**
 * The responses a "latest answers" basis may draw on: this edition's, and those of editions whose
 * questionnaire asks at least one of this questionnaire's questions (same key). A city surveyed
 * only with an unrelated questionnaire was never asked any of these questions: it is not surveyed.
 */
export function refsSharingQuestions(
  refs: ResponseRef[],
  edition: { year: number; definition: Definition },
  definitions: Map<number, Definition>,
): ResponseRef[] {
  const keys = new Set(questionKeys(edition.definition))
  const sharing = new Map<number, boolean>()
  const shares = (year: number): boolean => {
    if (year === edition.year) return true
    let known = sharing.get(year)
    if (known === undefined) {
      const definition = definitions.get(year)
      known = definition ? questionKeys(definition).some((key) => keys.has(key)) : false
      sharing.set(year, known)
    }
    return known
  }
  return refs.filter((ref) => shares(ref.year))
}

/** Whether a member of another year answered any of this questionnaire's questions (its own year always counts). */
export function answersThisQuestionnaire(
  ref: ResponseRef,
  answers: Answers,
  year: number,
  keys: string[],
): boolean {
  return ref.year === year || keys.some((key) => answers.has(key))
}

const questionKeys = (definition: Definition): string[] =>
  allQuestions(definition).map(({ question }) => question.key)
