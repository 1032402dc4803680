import { describe, expect, it } from 'vitest'
import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import { validateDefinition } from '../../src/questionnaire/validateDefinition'
import {
  placeholderMismatch,
  withoutRemovedTexts,
  withoutStaleTranslations,
} from '../../src/questionnaire/translationProblems'
import { innovationCapacity2020 } from '../../src/questionnaire/definitions'

const context = { knownYears: [2018, 2020] }
const sentenceKey = 'question.funding.has_dedicated.profile.sentence.1'

function withTranslations(translations: Record<string, Record<string, string>>): Definition {
  const definition = definitionSchema.parse(innovationCapacity2020)
  definition.translations = translations
  return definition
}

const problemsOf = (definition: Definition) => {
  const result = validateDefinition(definition, context)
  return result.ok ? [] : result.problems
}

describe('the translations of a definition, checked on import and save', () => {
  it('when a translation names no text of the definition, then that key is a listed problem', () => {
    const problems = problemsOf(
      withTranslations({ es: { title: 'Encuesta', 'question.nowhere.label': 'Nada' } }),
    )
    expect(problems).toEqual([
      {
        path: 'translations.es.question.nowhere.label',
        where: 'Translation into Spanish (es)',
        message: expect.stringContaining(
          'the key “question.nowhere.label” names no text of this questionnaire',
        ),
      },
    ])
  })

  it('when a language is not one the site offers, or is English, then it is a listed problem', () => {
    const problems = problemsOf(withTranslations({ fr: { title: 'Enquête' }, en: { title: 'Survey' } }))
    expect(problems.map((p) => [p.path, p.where])).toEqual([
      ['translations.fr', 'Translation into French (fr)'],
      ['translations.en', 'Translation into English (en)'],
    ])
    expect(problems[0].message).toContain('use Spanish (es)')
    expect(problems[1].message).toContain('change it in the editor')
  })

  it('when a translated sentence loses or invents a placeholder, then the sentence is a listed problem', () => {
    const problems = problemsOf(
      withTranslations({
        es: {
          [sentenceKey]: 'Como el {share} de las ciudades, {ciudad} tiene financiación.',
          'question.funding.has_dedicated.profile.sentence.2': 'Como el {share} de las ciudades encuestadas.',
        },
      }),
    )
    expect(problems.map((p) => p.path)).toEqual([
      `translations.es.${sentenceKey}`,
      'translations.es.question.funding.has_dedicated.profile.sentence.2',
    ])
    expect(problems[0].where).toMatch(/\(funding\.has_dedicated\), translation into Spanish \(es\)$/)
    expect(problems[0].message).toBe(
      'the translation leaves out {city} and uses {ciudad}, which the English does not have: keep the English placeholders as they are',
    )
    expect(problems[1].message).toBe(
      'the translation leaves out {city}: keep every placeholder of the English ({share}, {city})',
    )
  })

  it('when the placeholders match in any order, or a translation is empty, then nothing is wrong', () => {
    expect(
      placeholderMismatch('Like {share} of cities, {city} has it.', '{city}, como el {share}, lo tiene.'),
    ).toBe(undefined)
    expect(placeholderMismatch('Like {share} of cities, {city} has it.', '  ')).toBe(undefined)
    expect(placeholderMismatch('Mayor', 'Alcalde {city}')).toBe(
      'the translation uses {city}, which the English does not have',
    )
    expect(
      problemsOf(withTranslations({ es: { [sentenceKey]: '{city} y el {share}.', title: '' } })),
    ).toEqual([])
  })

  it('when a question is removed in the editor, then its translations go with it and the rest stay', () => {
    const definition = withTranslations({ es: { title: 'Encuesta', [sentenceKey]: '{city}: {share}.' } })
    const page = definition.sections
      .flatMap((s) => s.pages)
      .find((p) => p.questions.some((q) => q.key === 'funding.has_dedicated'))!
    page.questions = page.questions.filter((q) => q.key !== 'funding.has_dedicated')
    expect(withoutStaleTranslations(definition).translations).toEqual({ es: { title: 'Encuesta' } })
  })

  it('when an imported definition drops a question, then its translations go with it, but a key that never named a text stays to be reported', () => {
    const current = withTranslations({
      es: { title: 'Encuesta', 'question.funding.activities.profile.heading': 'Actividades' },
    })
    const imported = structuredClone(current)
    imported.translations!.es['question.typo.label'] = 'Errata'
    const page = imported.sections
      .flatMap((s) => s.pages)
      .find((p) => p.questions.some((q) => q.key === 'funding.activities'))!
    page.questions = page.questions.filter((q) => q.key !== 'funding.activities')
    const kept = withoutRemovedTexts(imported, current) as Definition
    expect(kept.translations).toEqual({ es: { title: 'Encuesta', 'question.typo.label': 'Errata' } })
    expect(problemsOf(kept).map((p) => p.path)).toEqual(['translations.es.question.typo.label'])
  })
})
