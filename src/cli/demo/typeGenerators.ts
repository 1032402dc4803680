import type { AnswerValue, Answers } from '../../questionnaire/answerCodec'
import type { Question } from '../../questionnaire/definitionSchema'
import { typeModule } from '../../questionnaire/types'
import { demoChoices } from '../../questionnaire/types/multiple'
import type { DemoContext } from '../../questionnaire/types/questionType'
import type { DemoCity } from './demoCities'
import { dataRowShares, optionShares, otherShare, singleShares, yesShares, type PerYear } from './demoTargets'
import { areaNotes, otherText } from './demoText'
import { personName } from './demoNames'
import { intBetween, pick } from './prng'
import { pickByShares } from './quota'

/** Answers by question type (each type's module makes them up), and the context generators get. */

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

/** What a type's demo generator may use (src/questionnaire/types), for this city and question. */
export function demoContext(ctx: GeneratorContext): DemoContext {
  return {
    year: ctx.year,
    city: ctx.city,
    rng: ctx.rng,
    position: ctx.position,
    // Each question key is in at most one table (yes/no, single and multiple choice targets).
    shares: (key) => {
      const yes = target(yesShares, key, ctx.year)
      if (yes !== undefined) return { yes }
      return target(singleShares, key, ctx.year) ?? target(optionShares, key, ctx.year)
    },
    rowShares: (rowKey) => dataRowShares[rowKey] ?? { answered: 0.65, sufficient: 0.45 },
    otherShare,
    otherText: (key) => otherText(key, ctx.city, ctx.rng),
    note: () => pick(ctx.rng, areaNotes),
    personName: () => personName(ctx.city, ctx.rng),
    pickByShares,
    intBetween: (min, max) => intBetween(ctx.rng, min, max),
  }
}

/** Answers any question from its type, following the target shares where there are some. */
export const byType: Generator = (question, ctx) => {
  const module = typeModule(question.type)
  if (!question.required && !module.demoAnswersOptional && ctx.position('answered') >= 0.7) return undefined
  return module.demo(question, demoContext(ctx))
}

/** Several choices by quota; with nothing chosen, "None of these" only if `fallbackToExclusive`. */
export const multipleChoice = (
  question: Extract<Question, { type: 'multiple' }>,
  ctx: GeneratorContext,
  options: { fallbackToExclusive: boolean },
): AnswerValue => demoChoices(question, demoContext(ctx), options)
