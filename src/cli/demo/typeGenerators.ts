import { OTHER, type AnswerValue, type Answers } from '../../questionnaire/answerCodec'
import type { Question } from '../../questionnaire/definitionSchema'
import { offeredOptions } from '../../questionnaire/definitionModel'
import type { DemoCity } from './demoCities'
import { dataRowShares, optionShares, otherShare, singleShares, yesShares, type PerYear } from './demoTargets'
import { areaNotes, otherText } from './demoText'
import { personName } from './demoNames'
import { intBetween, pick } from './prng'
import { pickByShares } from './quota'

/** Generic answer generators, one per question type; the shared context they get. */

export interface GeneratorContext {
  year: number
  city: DemoCity
  /** Answers generated so far, for conditions and answers that depend on earlier ones. */
  answers: Answers
  rng: () => number
  /** The city's quota position for a salt (see quota.ts). */
  position: (salt: string) => number
}

export type Generator = (question: Question, ctx: GeneratorContext) => AnswerValue | undefined

/** Targets are given for 2018 and 2020; other editions use the nearer of the two. */
export function target<T>(table: Record<string, PerYear<T>>, key: string, year: number): T | undefined {
  return table[key]?.[year <= 2018 ? 2018 : 2020]
}

/** Answers any question from its type, following the target shares where there are some. */
export const byType: Generator = (question, ctx) => {
  if (!question.required && question.type !== 'matrix' && ctx.position('answered') >= 0.7) return undefined
  switch (question.type) {
    case 'yesno': {
      const yes = target(yesShares, question.key, ctx.year) ?? 0.5
      return { type: 'yesno', choice: ctx.position('yes') < yes ? 'yes' : 'no' }
    }
    case 'single':
      return singleChoice(question, ctx)
    case 'multiple':
      return multipleChoice(question, ctx, { fallbackToExclusive: true })
    case 'rating': {
      const scale = question.scale.map((level) => level.key)
      const weights = scale.map((_, i) => (i === 0 ? 1 : 2 + i))
      const cells = offeredOptions(question, ctx.year).map((item) => {
        const level = pickByShares(
          ctx.rng(),
          scale.map((key, i) => [key, weights[i]]),
        )
        return [item.key, level]
      })
      return { type: 'rating', cells: Object.fromEntries(cells) }
    }
    case 'matrix':
      return matrix(question, ctx)
    case 'ranking': {
      const order = offeredOptions(question, ctx.year).map((o) => o.key)
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(ctx.rng() * (i + 1))
        ;[order[i], order[j]] = [order[j], order[i]]
      }
      return { type: 'ranking', order }
    }
    case 'number':
      return {
        type: 'number',
        value: intBetween(ctx.rng, question.min ?? 0, Math.min(question.max ?? 100, 100)),
      }
    case 'year':
      return { type: 'year', value: ctx.year - 1 }
    case 'text':
    case 'longtext':
      return { type: question.type, value: `Demo answer from ${ctx.city.name}.` }
    case 'url':
      return { type: 'url', value: `https://www.example.org/${ctx.city.slug}` }
    case 'textList':
      return { type: 'textList', values: [personName(ctx.city, ctx.rng)] }
  }
}

function singleChoice(question: Extract<Question, { type: 'single' }>, ctx: GeneratorContext): AnswerValue {
  const allowed = offeredOptions(question, ctx.year).map((o) => o.key)
  if (question.other) allowed.push(OTHER)
  const shares = target(singleShares, question.key, ctx.year) ?? {}
  const weighted = allowed.map((key): [string, number] => [key, shares[key] ?? (key === OTHER ? 0 : 1)])
  const choice = pickByShares(ctx.position('choice'), weighted)
  return choice === OTHER
    ? { type: 'single', choice, other: otherText(question.key, ctx.city, ctx.rng) }
    : { type: 'single', choice }
}

/**
 * Each option is chosen by its own quota. With nothing chosen, the exclusive option ("None of
 * these") is the answer when there is one and it is allowed; otherwise the closest miss.
 */
export function multipleChoice(
  question: Extract<Question, { type: 'multiple' }>,
  ctx: GeneratorContext,
  { fallbackToExclusive }: { fallbackToExclusive: boolean },
): AnswerValue {
  const shares = target(optionShares, question.key, ctx.year) ?? {}
  const offered = offeredOptions(question, ctx.year)
  const candidates = offered
    .filter((o) => !o.exclusive)
    .map((o) => ({ key: o.key, ratio: ctx.position(o.key) / (shares[o.key] ?? 0.3) }))
    .sort((a, b) => a.ratio - b.ratio)
  const other = question.other && ctx.position(OTHER) < otherShare
  let choices = candidates.filter((c) => c.ratio < 1).map((c) => c.key)
  if (question.maxChoices) choices = choices.slice(0, question.maxChoices - (other ? 1 : 0))
  const exclusive = offered.find((o) => o.exclusive)
  if (choices.length === 0 && !other) {
    choices = fallbackToExclusive && exclusive ? [exclusive.key] : candidates.slice(0, 1).map((c) => c.key)
  }
  const order = offered.map((o) => o.key)
  choices.sort((a, b) => order.indexOf(a) - order.indexOf(b))
  const notes: Record<string, string> = {}
  if (question.notes && choices.length > 0 && choices[0] !== exclusive?.key && ctx.rng() < 0.15) {
    notes[choices[0]] = pick(ctx.rng, areaNotes)
  }
  if (!other) return { type: 'multiple', choices, notes }
  return {
    type: 'multiple',
    choices: [...choices, OTHER],
    other: otherText(question.key, ctx.city, ctx.rng),
    notes,
  }
}

/** Each row is answered or left empty by quota, then "sufficient" (first column) by quota. */
function matrix(question: Extract<Question, { type: 'matrix' }>, ctx: GeneratorContext): AnswerValue {
  const [first, second] = question.columns.map((column) => column.key)
  const cells: Record<string, string> = {}
  for (const row of offeredOptions(question, ctx.year)) {
    const shares = dataRowShares[row.key] ?? { answered: 0.65, sufficient: 0.45 }
    if (ctx.position(`${row.key}|answered`) >= shares.answered) continue
    cells[row.key] = ctx.position(row.key) < shares.sufficient ? first : second
  }
  return { type: 'matrix', cells }
}
