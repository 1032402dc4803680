import { answerToRows, type AnswerValue } from '../questionnaire/answerCodec'
import type { AnswerSummary, ProfileContent } from './profileContent'

export type ChangeStatus = 'same' | 'changed' | 'added' | 'removed'

export interface ComparedAnswer {
  key: string
  label: string
  from: string[]
  to: string[]
  status: ChangeStatus
}

const sameLines = (a: string[], b: string[]): boolean =>
  a.length === b.length && a.every((line, index) => line === b[index])

/**
 * An answer as its stored rows (option keys, text, numbers, notes), in a fixed order: equal for
 * the same answer whatever the options' labels in either year.
 */
export function answerIdentity(questionKey: string, value: AnswerValue | undefined): string {
  if (!value) return ''
  const rows = answerToRows(questionKey, value).map((row) => [row.optionKey, row.text, row.number, row.note])
  return JSON.stringify(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0]))))
}

/** By option keys where both years have them; by the lines shown for older snapshots. */
const sameAnswer = (a: AnswerSummary | undefined, b: AnswerSummary | undefined): boolean =>
  a?.identity !== undefined && b?.identity !== undefined
    ? a.identity === b.identity
    : sameLines(a?.lines ?? [], b?.lines ?? [])

/** The question keys both questionnaires ask: the only questions two years can be compared on. */
export function sharedQuestionKeys(from: Iterable<string>, to: Iterable<string>): Set<string> {
  const earlier = new Set(from)
  return new Set([...to].filter((key) => earlier.has(key)))
}

/**
 * Two years of one city side by side, question by question (by stable key, so a relabelled
 * question still lines up), newest wording first. Answers are compared by option key, so a
 * relabelled option ("Waste" → "Waste management") is no change. Only questions both years'
 * questionnaires ask (`shared`) are compared: a question of one questionnaire only is not an
 * answer that changed. Without `shared` (questionnaires unknown), every answered question is.
 */
export function compareProfiles(
  from: ProfileContent,
  to: ProfileContent,
  shared?: ReadonlySet<string>,
): ComparedAnswer[] {
  const asked = (answer: AnswerSummary) => !shared || shared.has(answer.key)
  const before = new Map(from.answers.filter(asked).map((answer) => [answer.key, answer]))
  const after = new Map(to.answers.filter(asked).map((answer) => [answer.key, answer]))
  const order: AnswerSummary[] = [
    ...after.values(),
    ...[...before.values()].filter((answer) => !after.has(answer.key)),
  ]
  return order.map(({ key, label }) => {
    const a = before.get(key)?.lines ?? []
    const b = after.get(key)?.lines ?? []
    const status: ChangeStatus = !before.has(key)
      ? 'added'
      : !after.has(key)
        ? 'removed'
        : sameAnswer(before.get(key), after.get(key))
          ? 'same'
          : 'changed'
    return { key, label, from: a, to: b, status }
  })
}
