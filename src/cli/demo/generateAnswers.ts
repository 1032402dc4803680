import type { Answers } from '../../questionnaire/answerCodec'
import type { Condition, Definition } from '../../questionnaire/definitionSchema'
import { allQuestions } from '../../questionnaire/definitionModel'
import type { DemoCity } from './demoCities'
import { rngFor } from './prng'
import { quotaPosition } from './quota'
import { specialGenerators } from './specialGenerators'
import { byType, type GeneratorContext } from './typeGenerators'

/**
 * A fictional city's answers to one edition: question by question in reading order, skipping
 * questions hidden by their (or their page's) condition and options the edition does not offer.
 */
export function generateAnswers(definition: Definition, city: DemoCity): Answers {
  const answers: Answers = new Map()
  for (const { question, page } of allQuestions(definition)) {
    if (!isShown(page.condition, answers) || !isShown(question.condition, answers)) continue
    const ctx: GeneratorContext = {
      year: definition.year,
      city,
      answers,
      rng: rngFor(definition.year, city.slug, question.key),
      position: (salt) => quotaPosition(definition.year, city, `${question.key}|${salt}`),
    }
    const value = (specialGenerators[question.key] ?? byType)(question, ctx)
    if (value) answers.set(question.key, value)
  }
  return answers
}

function isShown(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true
  const answer = answers.get(condition.question)
  if (answer?.type === 'yesno' || answer?.type === 'single') return condition.anyOf.includes(answer.choice)
  if (answer?.type === 'multiple') return answer.choices.some((choice) => condition.anyOf.includes(choice))
  return false
}
