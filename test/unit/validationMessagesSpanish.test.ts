import { describe, expect, it } from 'vitest'
import { questionSchema, type Question } from '../../src/questionnaire/definitionSchema'
import { validatePage } from '../../src/questionnaire/pageValidation'
import { validationMessage } from '../../src/questionnaire/validationMessages'
import { emptyFormValue } from '../../src/questionnaire/types/questionType'

const question = (input: unknown): Question => questionSchema.parse(input)
const funding = question({ key: 'funding', type: 'yesno', label: 'Does the city have dedicated funding?' })
const population = question({
  key: 'population',
  type: 'number',
  label: 'Population',
  min: 1,
  max: 50_000_000,
})
const founded = question({ key: 'founded', type: 'date', label: 'When was the team founded?' })
const worded = question({
  key: 'staff',
  type: 'number',
  label: 'Staff',
  messages: { required: 'Enter the staff ({label})' },
})

describe('default validation messages in the page’s language', () => {
  it('when the page is Spanish, then each default message is Spanish and quotes the label; English is as before', () => {
    expect(validationMessage(funding, 'required', {}, 'es')).toBe(
      'Seleccione sí o no para «Does the city have dedicated funding»',
    )
    expect(validationMessage(funding, 'required')).toBe('Select whether the city has dedicated funding')
    expect(validationMessage(population, ['range', 'max'], { min: 1, max: 50_000_000 }, 'es')).toBe(
      'La respuesta a «Population» debe estar entre 1 y 50.000.000',
    )
    expect(validationMessage(population, ['range', 'max'], { min: 1, max: 50_000_000 })).toBe(
      'The population must be between 1 and 50,000,000',
    )
    expect(validationMessage(founded, 'incomplete', { part: 'month' }, 'es')).toBe(
      'La respuesta a «When was the team founded» debe incluir el mes',
    )
    expect(validationMessage(founded, 'incomplete', { part: 'month' })).toBe(
      'The answer to “When was the team founded” must include a month',
    )
  })

  it('when the definition words a message itself, then that wording is kept in every language', () => {
    expect(validationMessage(worded, 'required', {}, 'es')).toBe('Enter the staff (Staff)')
  })

  it('when a page is validated in Spanish and then in English, then each gets its own messages (schemas are not shared across languages)', () => {
    const frozen = [Object.freeze(population)]
    const values = { population: { ...emptyFormValue(), text: '' } }
    const es = validatePage(frozen, values, { year: 2026, complete: true, locale: 'es' })
    const en = validatePage(frozen, values, { year: 2026, complete: true })
    expect(es.ok ? [] : es.errors.map((e) => e.text)).toEqual(['Introduzca una respuesta para «Population»'])
    expect(en.ok ? [] : en.errors.map((e) => e.text)).toEqual(['Enter the population'])
  })
})
