import { describe, expect, it } from 'vitest'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import { compareProfiles } from '../../src/profiles/compareProfiles'
import { buildProfile } from '../../src/profiles/profileBuilder'
import type { ProfileContent } from '../../src/profiles/profileContent'
import { multiple, no, profileTestDefinition, testCity, yes } from '../support/profilesFactories'

const city = testCity(1, 'Enschede')

/** The test definition of a year, with the matrix row "Public works" relabelled in 2020. */
function definitionOf(year: number) {
  const definition = profileTestDefinition(year)
  if (year === 2018) return definition
  const relabelled = JSON.parse(
    JSON.stringify(definition).replace('"Public works"', '"Public works and waste"'),
  )
  return definitionSchema.parse(relabelled)
}

function profileOf(year: number, answers: Array<[string, AnswerValue]>): ProfileContent {
  return buildProfile({
    definition: definitionOf(year),
    editionTitle: `Test survey ${year}`,
    basis: { kind: 'approved', size: 1, threshold: 5, suppressed: true, years: [year] },
    aggregates: {},
    charts: {},
    city,
    answers: new Map(answers),
  })
}

const availability: AnswerValue = {
  type: 'matrix',
  cells: { economic_development: 'sufficient', public_works: 'insufficient' },
}

describe('comparing two years of a city', () => {
  it('when only an option was relabelled between the years, then the answer is no change', () => {
    const before = profileOf(2018, [
      ['strategy.formal', no],
      ['roles', multiple(['project_manager'])],
      ['data.availability', availability],
    ])
    const after = profileOf(2020, [
      ['strategy.formal', yes],
      ['roles', multiple(['project_manager'])],
      ['data.availability', availability],
    ])
    expect(after.answers.find((a) => a.key === 'data.availability')?.lines).toContain(
      'Public works and waste: Insufficient data',
    )
    const compared = compareProfiles(before, after)
    expect(compared.filter((a) => a.status !== 'same').map((a) => a.key)).toEqual(['strategy.formal'])
  })

  it('when the chosen option changed, then the answer is a change', () => {
    const before = profileOf(2018, [['roles', multiple(['project_manager'])]])
    const after = profileOf(2020, [['roles', multiple(['data_scientist'])]])
    expect(compareProfiles(before, after).map((a) => a.status)).toEqual(['changed'])
  })

  it('when a snapshot predates option keys, then its answers compare by the lines shown', () => {
    const before = profileOf(2018, [['roles', multiple(['project_manager'])]])
    const after = profileOf(2020, [['roles', multiple(['project_manager'])]])
    const old = { ...before, answers: before.answers.map(({ identity: _identity, ...rest }) => rest) }
    expect(compareProfiles(old, after).map((a) => a.status)).toEqual(['same'])
  })

  it('when only some questions are asked in both years, then only those are compared', () => {
    const before = profileOf(2018, [
      ['strategy.formal', no],
      ['roles', multiple(['project_manager'])],
    ])
    const after = profileOf(2020, [
      ['strategy.formal', yes],
      ['roles', multiple(['data_scientist'])],
    ])
    expect(compareProfiles(before, after).map((a) => [a.key, a.status])).toEqual([
      ['strategy.formal', 'changed'],
      ['roles', 'changed'],
    ])
    expect(compareProfiles(before, after, new Set(['roles'])).map((a) => [a.key, a.status])).toEqual([
      ['roles', 'changed'],
    ])
    expect(compareProfiles(before, after, new Set())).toEqual([])
  })
})
