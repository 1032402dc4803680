import { describe, expect, it } from 'vitest'
import { shippedDefinitions } from '../../src/questionnaire/definitions'
import { allQuestions, answerKeys, offeredOptions } from '../../src/questionnaire/definitionModel'
import type { Definition } from '../../src/questionnaire/definitionSchema'
import { validateDefinition } from '../../src/questionnaire/validateDefinition'
import { parsedDefinition, questionOf } from './helpers/definitions'

const context = { knownYears: [2018, 2020] }
const keysOf = (definition: Definition) =>
  allQuestions(definition).map(({ question }) => [question.key, answerKeys(question)] as const)

describe('shipped definitions', () => {
  it.each(shippedDefinitions.map((definition) => [definition.year, definition] as const))(
    'when the %i definition is validated, then it passes',
    (_year, definition) => {
      const result = validateDefinition(definition, context)
      expect(result.ok ? [] : result.problems).toEqual([])
    },
  )

  it('when both are listed, then they are 2018 and 2020, titled by year, and 2020 is copied from 2018', () => {
    expect(shippedDefinitions.map((d) => [d.year, d.title, d.copiedFrom])).toEqual([
      [2018, 'Innovation capacity in cities survey 2018', undefined],
      [2020, 'Innovation capacity in cities survey 2020', 2018],
    ])
  })

  it('when the two years are compared, then every question and option key is the same', () => {
    expect(keysOf(parsedDefinition(2020))).toEqual(keysOf(parsedDefinition(2018)))
  })

  it('when the form is laid out, then it has 6 sections and 12 to 16 pages', () => {
    const definition = parsedDefinition(2020)
    const pages = definition.sections.flatMap((section) => section.pages)
    expect(definition.sections.map((s) => s.key)).toEqual([
      'city',
      'vision',
      'organisation',
      'funding',
      'data',
      'outcomes',
    ])
    expect(pages.length).toBeGreaterThanOrEqual(12)
    expect(pages.length).toBeLessThanOrEqual(16)
  })

  it('when the instrument lists a question, then the definition has it with the expected type', () => {
    const types = Object.fromEntries(
      allQuestions(parsedDefinition(2020)).map(({ question }) => [question.key, question.type]),
    )
    expect(types).toMatchObject({
      'city.mayor': 'text',
      'city.population': 'number',
      'city.population_year': 'year',
      'city.innovation_website': 'url',
      'city.lead_innovation_officers': 'textList',
      'city.spotlight': 'longtext',
      helping_to: 'multiple',
      success_factors: 'multiple',
      'strategy.formal': 'yesno',
      'strategy.description': 'longtext',
      'goals.formal': 'yesno',
      'activities.experience': 'rating',
      'approach.level': 'single',
      policy_areas: 'multiple',
      innovation_terms: 'multiple',
      'org.structure': 'single',
      'org.staff_count': 'number',
      'org.team_age_years': 'number',
      roles: 'multiple',
      'funding.has_dedicated': 'yesno',
      'funding.sources': 'multiple',
      'funding.activities': 'multiple',
      'partnerships.innovation': 'multiple',
      'data.role_in_decisions': 'single',
      'data.partnerships': 'multiple',
      'data.availability': 'matrix',
      'outcomes.evaluation': 'single',
    })
  })

  it('when an option exists in one edition only, then each year offers only its own', () => {
    const d2018 = parsedDefinition(2018)
    const d2020 = parsedDefinition(2020)
    const offered = (definition: Definition, key: string) =>
      offeredOptions(questionOf(definition, key), definition.year).map((o) => o.key)
    expect(offered(d2018, 'funding.activities')).toContain('launching_project')
    expect(offered(d2018, 'funding.activities')).not.toContain('training_staff')
    expect(offered(d2020, 'funding.activities')).toContain('training_staff')
    expect(offered(d2020, 'funding.activities')).not.toContain('launching_project')
    expect(offered(d2018, 'helping_to')).toContain('serve_current_obligations')
    expect(offered(d2020, 'helping_to')).not.toContain('serve_current_obligations')
  })

  it('when the strategy is described or funding detailed, then it is only asked after a "yes"', () => {
    const definition = parsedDefinition(2020)
    expect(questionOf(definition, 'strategy.description').condition).toEqual({
      question: 'strategy.formal',
      anyOf: ['yes'],
    })
    expect(questionOf(definition, 'funding.sources').condition).toEqual({
      question: 'funding.has_dedicated',
      anyOf: ['yes'],
    })
    expect(questionOf(definition, 'funding.activities').condition).toEqual({
      question: 'funding.has_dedicated',
      anyOf: ['yes'],
    })
  })

  it('when a question is required, then it has its own "Select…" or "Enter…" message', () => {
    const missing = allQuestions(parsedDefinition(2020))
      .map(({ question }) => question)
      .filter((question) => question.required && !/^(Select|Enter) /.test(question.messages?.required ?? ''))
      .map((question) => question.key)
    expect(missing).toEqual([])
  })

  it('when the questions are rated, then the 7 activities follow the profile’s numbered order', () => {
    const question = questionOf(parsedDefinition(2020), 'activities.experience')
    expect('options' in question && question.options.map((o) => o.label)).toEqual([
      'Taking risks or testing new ideas',
      'Data-driven analytics/public data management',
      'Engaging residents in new ways',
      'Developing new solutions based on digital technologies',
      'Organizational change within the municipality',
      'Human-centered design',
      'Rethinking your city’s approach to financing partnerships',
    ])
  })
})
