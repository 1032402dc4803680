import { describe, expect, it } from 'vitest'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import { allQuestions, offeredOptions } from '../../src/questionnaire/definitionModel'
import { shippedDefinitions } from '../../src/questionnaire/definitions'
import { validatePage } from '../../src/questionnaire/pageValidation'
import { fieldId, readFormValue } from '../../src/questionnaire/formCodec'

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

  it('when a year answer is after the new bound, then its message names the new year, however the message is written', () => {
    const literal = structuredClone(def2020)
    const question = allQuestions(literal).find((p) => p.question.key === 'city.population_year')!.question
    question.messages = { ...question.messages, max: 'Year must be 2020 or earlier' }
    for (const source of [def2020, literal]) {
      const copied = allQuestions(copyDefinition(source, 2026)).find(
        (p) => p.question.key === 'city.population_year',
      )!.question
      const value = readFormValue(copied, { [fieldId(copied.key, '')]: '2027' }, 2026)
      const result = validatePage([copied], { [copied.key]: value }, { year: 2026, complete: true })
      expect(result.ok).toBe(false)
      expect(!result.ok && result.errors.map((e) => e.text)).toEqual(['Year must be 2026 or earlier'])
    }
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
