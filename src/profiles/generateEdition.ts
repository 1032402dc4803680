import type { Answers } from '../questionnaire/answerCodec'
import type { Definition } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'
import { aggregateQuestions, basisInfo } from './aggregate'
import { editionCharts } from './editionCharts'
import { ownKeys } from './profileBlocks'
import { buildProfile, type ProfileCity } from './profileBuilder'
import { buildFacets, buildHeadlines, buildResults } from './resultsModel'
import type {
  BasisKind,
  BasisMember,
  CityFacets,
  EditionAggregateContent,
  ProfileContent,
} from './profileContent'

export interface EditionInput {
  definition: Definition
  title: string
  basis: BasisKind
  threshold: number
  /** The compared cities with their visible answers. */
  members: BasisMember[]
  /** The cities with an approved response in this edition: each gets a profile. */
  profiled: Array<{ city: ProfileCity; answers: Answers }>
  /** Called after each profile, for a progress bar. */
  onProfile?: (done: number, total: number) => void
}

export interface GeneratedEdition {
  aggregate: EditionAggregateContent
  /** Built one at a time as they are read, so an edition's profiles never sit in memory together. */
  profiles: Iterable<ProfileContent>
}

/** The questions whose "by number of cities" chart also makes a filter on /cities. */
export const facetQuestions = (definition: Definition) =>
  allQuestions(definition)
    .map(({ question }) => question)
    .filter(
      (question) => question.profile?.chart && (question.type === 'multiple' || question.type === 'single'),
    )

/**
 * An edition's aggregates (counts and charts, drawn once) and every profile, from the stored
 * answers alone. Pure: no I/O, so it is unit-tested with hand-computed cases.
 */
export function generateEdition(input: EditionInput): GeneratedEdition {
  const basis = basisInfo(input.basis, input.members, input.threshold)
  const aggregates = aggregateQuestions(input.definition, input.members)
  const charts = editionCharts(input.definition, basis, aggregates)
  const facetQuestionList = facetQuestions(input.definition)
  const facetKeys = facetQuestionList.map((question) => question.key)
  const cities: CityFacets[] = input.profiled.map(({ city, answers }) => ({
    cityId: city.id,
    facets: Object.fromEntries(facetKeys.map((key) => [key, ownKeys(answers.get(key))])),
  }))
  function* profiles(): Generator<ProfileContent> {
    for (const [index, { city, answers }] of input.profiled.entries()) {
      yield buildProfile({
        definition: input.definition,
        editionTitle: input.title,
        city,
        answers,
        basis,
        aggregates,
        charts,
      })
      input.onProfile?.(index + 1, input.profiled.length)
    }
  }
  return {
    aggregate: {
      format: 1,
      year: input.definition.year,
      title: input.title,
      basis,
      questions: aggregates,
      charts,
      cities,
      results: buildResults(input.definition, basis, aggregates, charts),
      headlines: buildHeadlines(input.definition, charts),
      facets: buildFacets(facetQuestionList, basis.years.length > 0 ? basis.years : [input.definition.year]),
    },
    profiles: profiles(),
  }
}
