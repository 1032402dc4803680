import { describe, expect, it } from 'vitest'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'
import { untranslatedTexts } from '../../src/questionnaire/definitionTexts'
import { innovationCapacity2020 } from '../../src/questionnaire/definitions'
import {
  shippedPairs,
  spanishFor,
} from '../../migrations/20261203_141_spanish_for_stored_2020_questionnaires'

const stored = (year: number) => {
  const definition = copyDefinition(definitionSchema.parse(innovationCapacity2020), year)
  delete definition.translations
  return definition
}

describe('Spanish for questionnaires stored before it shipped (migration 141)', () => {
  it('when a stored 2020 edition has the shipped English, then it gets the whole Spanish translation', () => {
    const definition = stored(2020)
    definition.translations = { es: spanishFor(definition, shippedPairs())! }
    expect(untranslatedTexts(definition, 'es')).toEqual([])
    expect(definition.translations.es).toEqual(
      definitionSchema.parse(innovationCapacity2020).translations!.es,
    )
  })

  it('when a copy of another year was reworded, then its year moves into the Spanish and the reworded text stays English', () => {
    const definition = stored(2026)
    definition.sections[3].pages[0].questions[0].label = 'A reworded question'
    definition.translations = { es: spanishFor(definition, shippedPairs())! }
    expect(definition.translations.es.title).toBe(
      'Encuesta sobre la capacidad de innovación de las ciudades 2026',
    )
    expect(untranslatedTexts(definition, 'es').map((text) => text.english)).toEqual(['A reworded question'])
  })
})
