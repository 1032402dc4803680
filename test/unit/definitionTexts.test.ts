import { describe, expect, it } from 'vitest'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import {
  completeLocales,
  definitionTexts,
  localiseDefinition,
  untranslatedTexts,
} from '../../src/questionnaire/definitionTexts'
import { innovationCapacity2020 } from '../../src/questionnaire/definitions'

const shipped = () => definitionSchema.parse(innovationCapacity2020)

describe('the texts of a definition', () => {
  it('lists every text once, by a stable key, with its English and where it is', () => {
    const texts = definitionTexts(shipped())
    const keys = texts.map((text) => text.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(texts[0]).toEqual({ key: 'title', english: shipped().title, where: 'The questionnaire' })
    const funding = texts.find((text) => text.key === 'question.funding.has_dedicated.label')
    expect(funding?.where).toContain('(funding.has_dedicated)')
    expect(keys.some((key) => /^question\.[a-z_.]+\.option\.[a-z_]+\.label$/.test(key))).toBe(true)
    expect(keys.some((key) => /\.profile\.sentence\.1$/.test(key))).toBe(true)
    expect(keys.some((key) => key.startsWith('profile.block.'))).toBe(true)
  })

  it('puts translations in place, leaves the rest in English and keys and values unchanged', () => {
    const definition = shipped()
    definition.translations = {
      es: { title: 'Encuesta', 'question.funding.has_dedicated.label': '¿Financiación dedicada?' },
    }
    const spanish = localiseDefinition(definition, 'es')
    expect(spanish.title).toBe('Encuesta')
    const question = spanish.sections.flatMap((s) => s.pages.flatMap((p) => p.questions))
    expect(question.find((q) => q.key === 'funding.has_dedicated')?.label).toBe('¿Financiación dedicada?')
    expect(spanish.sections.map((s) => s.title)).toEqual(definition.sections.map((s) => s.title))
    expect(definition.title).toBe(shipped().title)
    expect(localiseDefinition(definition, 'fr')).toBe(definition)
  })

  it('names what a language leaves untranslated, and calls a language complete only when nothing is', () => {
    const definition = shipped()
    const all = definitionTexts(definition)
    definition.translations = { es: Object.fromEntries(all.map((text) => [text.key, `ES ${text.english}`])) }
    expect(untranslatedTexts(definition, 'es')).toEqual([])
    expect(completeLocales(definition)).toEqual(['es'])
    delete definition.translations.es!['question.funding.has_dedicated.label']
    definition.translations.es!.title = '  '
    expect(untranslatedTexts(definition, 'es').map((text) => text.key)).toEqual([
      'title',
      'question.funding.has_dedicated.label',
    ])
    expect(completeLocales(definition)).toEqual([])
  })

  it('makes a stored (frozen) definition’s copy once per language', () => {
    const definition = shipped()
    definition.translations = { es: { title: 'Encuesta' } }
    Object.freeze(definition)
    const first = localiseDefinition(definition, 'es')
    expect(localiseDefinition(definition, 'es')).toBe(first)
    expect(Object.isFrozen(first.sections[0])).toBe(true)
  })

  it('refuses a language code that is not one', () => {
    const parsed = definitionSchema.safeParse({ ...innovationCapacity2020, translations: { Spanish: {} } })
    expect(parsed.success).toBe(false)
  })
})
