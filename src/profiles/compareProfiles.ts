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
 * Two years of one city side by side, question by question (by stable key, so a relabelled
 * question still lines up), newest wording first.
 */
export function compareProfiles(from: ProfileContent, to: ProfileContent): ComparedAnswer[] {
  const before = new Map(from.answers.map((answer) => [answer.key, answer]))
  const after = new Map(to.answers.map((answer) => [answer.key, answer]))
  const order: AnswerSummary[] = [...to.answers, ...from.answers.filter((answer) => !after.has(answer.key))]
  return order.map(({ key, label }) => {
    const a = before.get(key)?.lines ?? []
    const b = after.get(key)?.lines ?? []
    const status: ChangeStatus = !before.has(key)
      ? 'added'
      : !after.has(key)
        ? 'removed'
        : sameLines(a, b)
          ? 'same'
          : 'changed'
    return { key, label, from: a, to: b, status }
  })
}
