import { describe, expect, it } from 'vitest'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import { allQuestions, offeredOptions } from '../../src/questionnaire/definitionModel'
import { shippedDefinitions } from '../../src/questionnaire/definitions'

const def2020 = definitionSchema.parse(shippedDefinitions.find((d) => d.year === 2020))

describe('copying an edition', () => {
  const copy = copyDefinition(def2020, 2026)

  it('when 2020 is copied to 2026, then every question key is kept in order', () => {
    expect(allQuestions(copy).map((p) => p.question.key)).toEqual(
      allQuestions(def2020).map((p) => p.question.key),
    )
    expect(copy.year).toBe(2026)
    expect(copy.copiedFrom).toBe(2020)
    expect(copy.title).toContain('2026')
  })

  it('when an option was offered in 2020, then it is offered in 2026; a 2018-only option stays out', () => {
    const activities = allQuestions(copy).find((p) => p.question.key === 'funding.activities')!.question
    const offered = offeredOptions(activities, 2026).map((o) => o.key)
    expect(offered).toContain('training_staff')
    expect(offered).not.toContain('launching_project')
  })

  it('when a year question is bounded by the edition year, then the bound moves to the new year', () => {
    const populationYear = allQuestions(copy).find((p) => p.question.key === 'city.population_year')!.question
    expect(populationYear.type === 'year' && populationYear.max).toBe(2026)
  })

  it('when copied, then the previous definition is left unchanged', () => {
    expect(def2020.year).toBe(2020)
    const activities = allQuestions(def2020).find((p) => p.question.key === 'funding.activities')!.question
    expect(offeredOptions(activities, 2026).map((o) => o.key)).not.toContain('training_staff')
  })
})
