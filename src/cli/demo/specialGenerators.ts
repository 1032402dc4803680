import type { AnswerValue } from '../../questionnaire/answerCodec'
import { offeredOptions } from '../../questionnaire/definitionModel'
import { departments, spotlightText, strategyText } from './demoText'
import { personName } from './demoNames'
import { intBetween, pick, rngFor } from './prng'
import { pickByShares } from './quota'
import { multipleChoice, type Generator } from './typeGenerators'

/** Whether this edition is not the city's first: its header facts may have changed since. */
const isLaterEdition = (editions: number[], year: number) => editions.some((edition) => edition < year)

/** Generators for questions whose answers need more than their type (names, sizes, dependencies). */
export const specialGenerators: Record<string, Generator> = {
  'city.mayor': (_question, { city, year }) => {
    // About four in ten cities that answered twice have a new mayor by the second time.
    const newMayor = isLaterEdition(city.editions, year) && rngFor(city.slug, 'new-mayor')() < 0.4
    return { type: 'text', value: personName(city, rngFor(city.slug, 'mayor', newMayor ? year : 'first')) }
  },
  'city.population': (_question, { city, year }) => {
    const latest = Math.max(...city.editions, year)
    const earlier = city.population * (1 - 0.015 * (latest - year))
    return { type: 'number', value: Math.round(earlier / 100) * 100 }
  },
  'city.population_year': (_question, { year, rng }) => ({
    type: 'year',
    value: year - 1 - (rng() < 0.3 ? 1 : 0),
  }),
  'city.innovation_website': (question, ctx) => {
    if (ctx.position('answered') >= 0.6) return undefined
    const host = ctx.city.slug.replace(/-[a-z]{3}$/, '')
    return question.type === 'url' ? { type: 'url', value: `https://innovation.${host}.example` } : undefined
  },
  'city.lead_innovation_officers': (_question, { city, year, rng }) => {
    const officers = [
      personName(city, rngFor(city.slug, 'officer', isLaterEdition(city.editions, year) ? year : 'first')),
    ]
    if (rng() < 0.12) officers.push(personName(city, rng))
    return { type: 'textList', values: officers }
  },
  'city.spotlight': (_question, ctx) =>
    ctx.position('answered') < 0.7
      ? { type: 'longtext', value: spotlightText(ctx.city, ctx.rng) }
      : undefined,
  'strategy.description': (_question, { city, year, rng }) => ({
    type: 'longtext',
    value: strategyText(city, year, rng),
  }),
  'activities.experience': (question, ctx) => {
    if (question.type !== 'rating') return undefined
    // Data and digital activities are the most common ones in the original's findings.
    const favoured = new Set(['data_analytics', 'digital_solutions', 'resident_engagement'])
    const scale = question.scale.map((level) => level.key)
    const cells: Record<string, string> = {}
    for (const item of offeredOptions(question, ctx.year)) {
      const weights = scale.map((key, i): [string, number] => [
        key,
        favoured.has(item.key) ? 1 + i * 2 : 4 - i,
      ])
      cells[item.key] = pickByShares(ctx.rng(), weights)
    }
    return { type: 'rating', cells }
  },
  // Cities working at a holistic level only do not prioritise policy areas (Buenos Aires' profile).
  policy_areas: (question, ctx) => {
    if (question.type !== 'multiple') return undefined
    const approach = ctx.answers.get('approach.level')
    if (approach?.type === 'single' && approach.choice === 'holistic') {
      return { type: 'multiple', choices: ['none'], notes: {} }
    }
    return multipleChoice(question, ctx, { fallbackToExclusive: false })
  },
  'org.department': (_question, { rng }) => ({ type: 'text', value: pick(rng, departments) }),
  'org.staff_count': (_question, { rng }) => ({
    type: 'number',
    value: rng() < 0.1 ? intBetween(rng, 30, 120) : intBetween(rng, 2, 25),
  }),
  // 2018: only 21% of innovation teams had existed for more than five years.
  'org.team_age_years': (_question, ctx): AnswerValue => ({
    type: 'number',
    value: ctx.position('older') < 0.21 ? intBetween(ctx.rng, 6, 15) : intBetween(ctx.rng, 0, 5),
  }),
}
