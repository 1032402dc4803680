import { describe, expect, it } from 'vitest'
import { checkImport, exportJson } from '../../src/questionnaire/authoring/definitionImport'
import { linesToSentences, sentencesToLines } from '../../src/questionnaire/authoring/sentenceLines'
import { optionsFromLines } from '../../src/questionnaire/authoring/formValues'
import { fixtureDefinition } from './authoringFixtures'

const context = { knownYears: [2018, 2020] }

describe('importing a definition', () => {
  it('when an exported definition is imported, then it reads back the same', () => {
    const definition = fixtureDefinition(2020)
    expect(checkImport(exportJson(definition), 2020, context)).toEqual({ ok: true, definition })
  })

  it('when the text is not JSON, then one problem says so', () => {
    const result = checkImport('{ "year": 2020,', 2020, context)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.problems).toEqual([
        {
          path: '(document)',
          where: 'The questionnaire',
          message: expect.stringContaining('not valid JSON'),
        },
      ])
  })

  it('when the definition is for another year and has a shape problem, then both are reported', () => {
    const input = JSON.parse(exportJson(fixtureDefinition(2018)))
    input.sections[0].title = ''
    const result = checkImport(JSON.stringify(input), 2020, context)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.path)).toEqual(['year', 'sections.0.title'])
  })

  it('when three different meaning problems are present, then all three are listed with their paths', () => {
    const input = JSON.parse(exportJson(fixtureDefinition(2020)))
    input.sections[1].pages[0].questions[1].options[1].key = 'idea_generation'
    input.sections[1].pages[0].questions[1].condition.question = 'funding.nothing'
    input.sections[1].pages[0].questions[1].options[3].availableIn = [2019]
    const result = checkImport(JSON.stringify(input), 2020, context)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems.map((p) => p.path).sort()).toEqual([
        'sections.1.pages.0.questions.1.condition.question',
        'sections.1.pages.0.questions.1.options.1.key',
        'sections.1.pages.0.questions.1.options.3.availableIn',
      ])
    }
  })
})

describe('text forms of lists', () => {
  it('when sentence lines are read back, then conditions and list exclusions survive', () => {
    const sentences = [
      { when: { count: 'many' as const }, text: '{city} works with {list}.', listExcludes: ['other'] },
      { when: { includes: 'academia' }, text: 'Including academia.' },
      { text: 'Always this | with a bar.' },
    ]
    expect(linesToSentences(sentencesToLines(sentences))).toEqual({ ok: true, sentences })
  })

  it('when a sentence line has a count that is not 0, 1 or many, then its line number is given', () => {
    expect(linesToSentences('fine\ncount=3 | text')).toEqual({
      ok: false,
      message: expect.stringContaining('Line 2'),
    })
  })

  it('when options are typed one per line, then "key = label" and bare labels both work', () => {
    expect(
      optionsFromLines('yes_often = Yes, often\n\n  Idea generation & brainstorming  \n2nd try'),
    ).toEqual([
      { key: 'yes_often', label: 'Yes, often' },
      { key: 'idea_generation_brainstorming', label: 'Idea generation & brainstorming' },
      { key: 'option_2nd_try', label: '2nd try' },
    ])
  })
})
