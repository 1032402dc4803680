import {
  groupRows,
  rowsToAnswer,
  type AnswerRow,
  type Answers,
  type AnswerValue,
} from '../questionnaire/answerCodec'
import { displayAnswer } from '../questionnaire/answerDisplay'
import type { Definition, Question } from '../questionnaire/definitionSchema'
import { allQuestions, questionIndex } from '../questionnaire/definitionModel'
import { isQuestionVisible, visibleAnswers } from '../questionnaire/visibility'
import type { ReviewComment } from '../responses/reviewCommentsRepository'

/** Pure pieces of the review page: answers laid out like check-answers, the trail, what changed. */

export interface QuestionView {
  key: string
  number: string | undefined
  label: string
  lines: string[]
  visible: boolean
  required: boolean
  comments: ReviewComment[]
}

export interface SectionView {
  key: string
  title: string
  pages: Array<{ key: string; title: string; questions: QuestionView[] }>
}

/** Every section and page with each question's answer as lines and its comments. */
export function answerSections(
  definition: Definition,
  answers: Answers,
  comments: ReviewComment[],
): SectionView[] {
  const visible = visibleAnswers(definition, answers)
  return definition.sections.map((section) => ({
    key: section.key,
    title: section.title,
    pages: section.pages.map((page) => ({
      key: page.key,
      title: page.title,
      questions: page.questions.map((question) => ({
        key: question.key,
        number: question.number,
        label: question.label,
        lines: displayAnswer(question, answers.get(question.key)),
        visible: isQuestionVisible(question, page, visible),
        required: question.required,
        comments: comments.filter((c) => c.questionKey === question.key),
      })),
    })),
  }))
}

export interface AnswerChange {
  questionKey: string
  label: string
  before: string[]
  after: string[]
}

// Key order inside stored JSON is not guaranteed, so compare a canonical form.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  )

export const sameAnswer = (a: AnswerValue | undefined, b: AnswerValue | undefined): boolean =>
  canonical(a ?? null) === canonical(b ?? null)

/** Question by question, the answers that differ between two versions of a response. */
export function diffAnswers(definition: Definition, before: Answers, after: Answers): AnswerChange[] {
  return allQuestions(definition)
    .filter(({ question }) => !sameAnswer(before.get(question.key), after.get(question.key)))
    .map(({ question }) => ({
      questionKey: question.key,
      label: question.label,
      before: displayAnswer(question, before.get(question.key)),
      after: displayAnswer(question, after.get(question.key)),
    }))
}

/** Rows or an answer value, as stored in an event, back to an answer. */
function toValue(question: Question, stored: unknown): AnswerValue | undefined {
  if (Array.isArray(stored)) return rowsToAnswer(question, stored as AnswerRow[])
  if (stored && typeof stored === 'object' && 'type' in stored) return stored as AnswerValue
  return undefined
}

type Pair = { before: unknown; after: unknown }
const isRecord = (v: unknown): v is Record<string, unknown> =>
  Boolean(v) && typeof v === 'object' && !Array.isArray(v)

/** The before/after pairs an event's data carries, whatever shape the writer chose. */
function pairsOf(data: Record<string, unknown>): Map<string, Pair> {
  const pairs = new Map<string, Pair>()
  if (typeof data.questionKey === 'string' && ('before' in data || 'after' in data))
    pairs.set(data.questionKey, { before: data.before, after: data.after })
  if (Array.isArray(data.changes)) {
    for (const c of data.changes)
      if (isRecord(c) && typeof c.questionKey === 'string')
        pairs.set(c.questionKey, { before: c.before, after: c.after })
  }
  if (typeof data.questionKey !== 'string' && (isRecord(data.before) || isRecord(data.after))) {
    const before = isRecord(data.before) ? data.before : {}
    const after = isRecord(data.after) ? data.after : {}
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
      pairs.set(key, { before: before[key], after: after[key] })
  }
  if (Array.isArray(data.before) || Array.isArray(data.after)) {
    const before = groupRows((data.before as AnswerRow[] | undefined) ?? [])
    const after = groupRows((data.after as AnswerRow[] | undefined) ?? [])
    for (const key of new Set([...before.keys(), ...after.keys()]))
      pairs.set(key, { before: before.get(key) ?? [], after: after.get(key) ?? [] })
  }
  return pairs
}

/** The answer changes an audit event records, as lines for the trail. */
export function eventChanges(definition: Definition, data: unknown): AnswerChange[] {
  if (!isRecord(data)) return []
  const index = questionIndex(definition)
  const changes: AnswerChange[] = []
  for (const [key, pair] of pairsOf(data)) {
    const question = index.get(key)?.question
    if (!question) continue
    const before = toValue(question, pair.before)
    const after = toValue(question, pair.after)
    if (sameAnswer(before, after)) continue
    changes.push({
      questionKey: key,
      label: question.label,
      before: displayAnswer(question, before),
      after: displayAnswer(question, after),
    })
  }
  return changes
}

const eventTitles: Record<string, string> = {
  page_saved: 'Saved answers',
  answers_saved: 'Saved answers',
  prefilled: 'Copied last year’s answers',
  submitted: 'Submitted',
  returned: 'Returned for changes',
  approved: 'Approved',
  reopened: 'Reopened',
  admin_correction: 'Corrected on the city’s behalf',
}

export const eventTitle = (type: string): string =>
  eventTitles[type] ?? type.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase())
