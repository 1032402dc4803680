import { describe, expect, it } from 'vitest'
import type { AnswerValue, Answers } from '../../src/questionnaire/answerCodec'
import { facetsLog } from '../../src/profiles/facetsLog'
import {
  aggregateJson,
  cityFacets,
  editionAggregate,
  facetQuestions,
} from '../../src/profiles/generateEdition'
import { aggregateCounter } from '../../src/profiles/aggregate'
import { member, multiple, no, profileTestDefinition, yes } from '../support/profilesFactories'

const single = (choice: string): AnswerValue => ({ type: 'single', choice })
const definition = profileTestDefinition(2020)
const keys = facetQuestions(definition).map((question) => question.key)

/** Cities answering the facet questions in several ways: options in their own order, "Other", none at all. */
const cities: Array<[number, Answers]> = [
  [7, new Map<string, AnswerValue>([['roles', multiple(['data_scientist', 'project_manager'])]])],
  [3, new Map<string, AnswerValue>([['roles', multiple(['project_manager', 'other'], 'Planner, "urban"')]])],
  [12, new Map<string, AnswerValue>()],
  [
    5,
    new Map<string, AnswerValue>([
      ['approach.level', single('both')],
      ['strategy.formal', yes],
      ['funding.has_dedicated', no],
      ['funding.activities', multiple(['training_staff', 'idea_generation'])],
    ]),
  ],
]

describe('facets noted compactly while regenerating', () => {
  it('when cities are noted, then the JSON is that of their facets as cityFacets gives them, in the order noted', () => {
    expect(keys.length).toBeGreaterThan(1)
    const log = facetsLog(keys)
    for (const [cityId, answers] of cities) log.add(cityId, answers)
    const expected = cities.map(([cityId, answers]) => cityFacets(keys, cityId, answers))
    expect(log.size).toBe(4)
    expect(log.json()).toBe(JSON.stringify(expected))
    expect(JSON.parse(log.json())[1].facets.roles).toEqual(['project_manager', 'other'])
  })

  it('when no city is noted, then the JSON is an empty list', () => {
    expect(facetsLog(keys).json()).toBe('[]')
  })

  it('when the aggregate is written with the noted cities, then its text is that of the aggregate holding them', () => {
    const counter = aggregateCounter(definition)
    for (const [cityId, answers] of cities) counter.add(member(cityId, [...answers]))
    const basis = counter.basis('approved', 3)
    const log = facetsLog(keys)
    for (const [cityId, answers] of cities) log.add(cityId, answers)
    const whole = editionAggregate(
      definition,
      'Title with "cities":[]',
      basis,
      counter.questions,
      cities.map(([cityId, answers]) => cityFacets(keys, cityId, answers)),
    )
    const empty = editionAggregate(definition, 'Title with "cities":[]', basis, counter.questions, [])
    expect(aggregateJson(empty, log.json())).toBe(JSON.stringify(whole))
    expect(() => aggregateJson(whole, log.json())).toThrow('already holds')
  })
})
