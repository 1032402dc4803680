import { describe, expect, it } from 'vitest'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import { completeLocales, definitionTexts, untranslatedTexts } from '../../src/questionnaire/definitionTexts'
import { validateDefinition } from '../../src/questionnaire/validateDefinition'
import { placeholdersOf } from '../../src/questionnaire/translationProblems'
import { innovationCapacity2020 } from '../../src/questionnaire/definitions'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'

const def2020 = definitionSchema.parse(innovationCapacity2020)
const spanish = def2020.translations?.es ?? {}

describe('the shipped 2020 questionnaire in Spanish', () => {
  it('leaves no text untranslated, so Spanish is a complete language of it', () => {
    expect(untranslatedTexts(def2020, 'es')).toEqual([])
    expect(completeLocales(def2020)).toEqual(['es'])
  })

  it('keeps the placeholders of every English sentence template and message', () => {
    const templates = definitionTexts(def2020).filter((text) => text.english.includes('{'))
    expect(templates.length).toBeGreaterThan(20)
    for (const text of templates)
      expect([text.key, placeholdersOf(spanish[text.key]).sort()]).toEqual([
        text.key,
        placeholdersOf(text.english).sort(),
      ])
  })

  it('is Spanish, not English copied across, and passes the definition’s own checks', () => {
    const texts = definitionTexts(def2020)
    const same = texts.filter((text) => spanish[text.key] === text.english).map((text) => text.english)
    // Only words that are the same in both languages ("No", "{value}").
    expect(same.sort()).toEqual(['No', '{value}'])
    expect(spanish['question.funding.has_dedicated.label']).toBe(
      '¿Tiene la ciudad financiación específica o dedicada para apoyar la capacidad de innovación?',
    )
    expect(validateDefinition(def2020, { knownYears: [2018, 2020] }).ok).toBe(true)
  })

  it('when the year is copied to a new edition, then the Spanish title and year message move with it', () => {
    const copy = copyDefinition(def2020, 2026)
    expect(copy.translations?.es.title).toBe('Encuesta sobre la capacidad de innovación de las ciudades 2026')
    expect(copyDefinition(def2020, 2026, 'Own title').translations?.es.title).toBeUndefined()
    expect(untranslatedTexts(copy, 'es').map((text) => text.key)).toEqual([])
  })
})
