import type { AnswerValue } from '../questionnaire/answerCodec'
import type { Definition } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'
import { typeModule } from '../questionnaire/types'
import type { BasisInfo, BasisKind, BasisMember, QuestionAggregate } from './profileContent'

/** The option keys an answer counts towards ("row=column" for grids, "item=rank" for rankings). */
export function countedKeys(value: AnswerValue): string[] {
  return typeModule(value.type).countedKeys(value)
}

/** The whole answer as one comparable string: two cities "gave the same answer" when equal. */
export function answerSignature(value: AnswerValue): string {
  const module = typeModule(value.type)
  return module.signature ? module.signature(value) : [...module.countedKeys(value)].sort().join(',')
}

/** Counts the basis one member at a time, so its answers never need to sit in memory together. */
export interface AggregateCounter {
  add(member: BasisMember): void
  /** Counts per question key, of the members added so far. */
  readonly questions: Record<string, QuestionAggregate>
  /** Size, years and disclosure state of the members added so far. */
  basis(kind: BasisKind, threshold: number): BasisInfo
}

/**
 * Counts per question and option across the basis. Each city is counted once per option
 * (a city is one member of the basis), and only for questions it answered.
 */
export function aggregateCounter(definition: Definition): AggregateCounter {
  const keys = allQuestions(definition).map(({ question }) => question.key)
  const questions: Record<string, QuestionAggregate> = {}
  for (const key of keys) questions[key] = { answered: 0, counts: {}, signatures: {}, answeredByYear: {} }
  const years = new Set<number>()
  let size = 0
  return {
    questions,
    add(member) {
      size += 1
      years.add(member.year)
      for (const key of keys) {
        const value = member.answers.get(key)
        if (!value) continue
        const aggregate = questions[key]
        aggregate.answered += 1
        const byYear = (aggregate.answeredByYear ??= {})
        byYear[member.year] = (byYear[member.year] ?? 0) + 1
        for (const option of new Set(countedKeys(value)))
          aggregate.counts[option] = (aggregate.counts[option] ?? 0) + 1
        const signature = answerSignature(value)
        if (signature) aggregate.signatures[signature] = (aggregate.signatures[signature] ?? 0) + 1
      }
    },
    basis: (kind, threshold) => ({
      kind,
      size,
      threshold,
      suppressed: size < threshold,
      years: [...years].sort((a, b) => a - b),
    }),
  }
}

export interface ResponseRef {
  responseId: number
  cityId: number
  year: number
}

/**
 * The responses an edition compares with. Basis "approved": this edition's approved responses.
 * Basis "latest": every city once, with its latest approved response up to this year.
 * `approved` must hold approved responses of this edition and, for "latest", of earlier editions.
 */
export function chooseBasis(kind: BasisKind, year: number, approved: ResponseRef[]): ResponseRef[] {
  if (kind === 'approved') return approved.filter((ref) => ref.year === year)
  const latest = new Map<number, ResponseRef>()
  for (const ref of approved) {
    if (ref.year > year) continue
    const seen = latest.get(ref.cityId)
    if (!seen || seen.year < ref.year) latest.set(ref.cityId, ref)
  }
  return [...latest.values()].sort((a, b) => a.responseId - b.responseId)
}
