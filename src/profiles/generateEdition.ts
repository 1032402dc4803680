import crypto from 'node:crypto'
import type { Answers } from '../questionnaire/answerCodec'
import type { Definition } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'
import { aggregateCounter } from './aggregate'
import { editionCharts } from './editionCharts'
import { ownKeys } from './profileBlocks'
import { profileBuilder, type ProfileCity } from './profileBuilder'
import { buildFacets, buildHeadlines, buildResults } from './resultsModel'
import type {
  BasisInfo,
  BasisKind,
  BasisMember,
  CityFacets,
  EditionAggregateContent,
  ProfileContent,
  QuestionAggregate,
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
}

export interface GeneratedEdition {
  aggregate: EditionAggregateContent
  profiles: ProfileContent[]
}

/** The questions whose "by number of cities" chart also makes a filter on /cities. */
export const facetQuestions = (definition: Definition) =>
  allQuestions(definition)
    .map(({ question }) => question)
    .filter(
      (question) => question.profile?.chart && (question.type === 'multiple' || question.type === 'single'),
    )

/** A city's options on the /cities filters: what it chose in each facet question (by key). */
export function cityFacets(keys: string[], cityId: number, answers: Answers): CityFacets {
  return { cityId, facets: Object.fromEntries(keys.map((key) => [key, ownKeys(answers.get(key))])) }
}

/**
 * An edition's aggregate from its counts: charts drawn once, results, headlines and facets.
 * `cities` are the profiled cities' facets, in profile order.
 */
export function editionAggregate(
  definition: Definition,
  title: string,
  basis: BasisInfo,
  questions: Record<string, QuestionAggregate>,
  cities: CityFacets[],
): EditionAggregateContent {
  const charts = editionCharts(definition, basis, questions)
  return {
    format: 1,
    year: definition.year,
    title,
    basis,
    questions,
    charts,
    cities,
    results: buildResults(definition, basis, questions, charts),
    headlines: buildHeadlines(definition, basis, charts),
    facets: buildFacets(facetQuestions(definition), basis.years.length > 0 ? basis.years : [definition.year]),
  }
}

/**
 * An aggregate's stored JSON with its cities written in from their own JSON text (a FacetsLog's):
 * the text `JSON.stringify` gives of the aggregate holding those cities, without the edition's
 * cities ever being objects at once. `aggregate.cities` must be empty: it marks the place.
 */
export function aggregateJson(aggregate: EditionAggregateContent, citiesJson: string): string {
  if (aggregate.cities.length > 0) throw new Error('The aggregate already holds its cities')
  const place = aggregate.cities
  // A text no aggregate holds, put where the cities go, then swapped for them.
  const marker = `cities:${crypto.randomUUID()}`
  const json = JSON.stringify(aggregate, (_key, value: unknown) => (value === place ? marker : value))
  const at = json.indexOf(JSON.stringify(marker))
  // Joined, not concatenated: one flat text, not a rope the database driver and hash flatten again.
  return [json.slice(0, at), citiesJson, json.slice(at + marker.length + 2)].join('')
}

/**
 * An edition's aggregates and every profile, from the answers alone: the steps regeneration
 * takes one city at a time (regenerateEdition.ts), over arrays. Pure, so it is unit-tested with
 * hand-computed cases.
 */
export function generateEdition(input: EditionInput): GeneratedEdition {
  const counter = aggregateCounter(input.definition)
  for (const member of input.members) counter.add(member)
  const basis = counter.basis(input.basis, input.threshold)
  const facetKeys = facetQuestions(input.definition).map((question) => question.key)
  const cities = input.profiled.map(({ city, answers }) => cityFacets(facetKeys, city.id, answers))
  const aggregate = editionAggregate(input.definition, input.title, basis, counter.questions, cities)
  const build = profileBuilder({
    definition: input.definition,
    editionTitle: input.title,
    basis,
    aggregates: aggregate.questions,
    charts: aggregate.charts,
  })
  const profiles = input.profiled.map(({ city, answers }) => build(city, answers))
  return { aggregate, profiles }
}
