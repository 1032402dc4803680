import { describe, expect, it } from 'vitest'
import type { DefinitionInput } from '../../src/questionnaire/definitionSchema'
import { validateDefinition, type DefinitionProblem } from '../../src/questionnaire/validateDefinition'
import { copyOfDefinition, locate } from './helpers/definitions'

const context = { knownYears: [2018, 2020] }

/** Breaks a copy of the 2020 definition and returns the problems found. */
function problemsAfter(breakIt: (definition: DefinitionInput) => void): DefinitionProblem[] {
  const definition = copyOfDefinition(2020)
  // Without the shipped translation: breaking the structure would also leave translations of
  // texts that are gone (translationProblems.test.ts covers those).
  delete definition.translations
  breakIt(definition)
  const result = validateDefinition(definition, context)
  return result.ok ? [] : result.problems
}

const pathsOf = (problems: DefinitionProblem[]) => problems.map((problem) => problem.path)

describe('validateDefinition', () => {
  it('when two questions share a key, then the second is reported at its key', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'goals.formal')
      located.question.key = 'strategy.formal'
      path = located.path
    })
    expect(problems).toContainEqual({
      path: `${path}.key`,
      where: expect.stringMatching(/^Question '.+' \(strategy\.formal\)$/),
      message: expect.stringMatching(/^the key is already used by question '.+' in section \d$/),
    })
  })

  it('when two options of a question share a key, then the second option is reported', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'roles')
      if (located.question.type === 'multiple') located.question.options[1].key = 'project_manager'
      path = located.path
    })
    expect(problems).toContainEqual({
      path: `${path}.options.1.key`,
      where: expect.stringContaining('(roles)'),
      message: expect.stringMatching(
        /^option 2 '.+' has the key "project_manager", already used by option 1 '.+'$/,
      ),
    })
  })

  it('when two pages share a key, then the second page is reported', () => {
    const problems = problemsAfter((definition) => {
      definition.sections[2].pages[0].key = 'city_facts'
    })
    expect(pathsOf(problems)).toEqual(['sections.2.pages.0.key'])
  })

  it('when a condition names an unknown question, then the condition is reported', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'strategy.description')
      located.question.condition = { question: 'strategy.nonexistent', anyOf: ['yes'] }
      path = located.path
    })
    expect(pathsOf(problems)).toEqual([`${path}.condition.question`])
  })

  it('when a condition names a later question, then the condition is reported', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'strategy.formal')
      located.question.condition = { question: 'funding.has_dedicated', anyOf: ['yes'] }
      path = located.path
    })
    expect(problems).toEqual([
      {
        path: `${path}.condition.question`,
        where: "Question 'Does the municipality have a formal innovation strategy?' (strategy.formal)",
        message:
          "its condition names question 'Does the city have specific or dedicated funding to support innovation capacity?' in section 4, which comes later; a condition can only name an earlier question",
      },
    ])
  })

  it('when a page condition names a later question, then the page condition is reported', () => {
    const problems = problemsAfter((definition) => {
      definition.sections[3].pages[1].condition = { question: 'outcomes.evaluation', anyOf: ['systematic'] }
    })
    expect(pathsOf(problems)).toEqual(['sections.3.pages.1.condition.question'])
  })

  it('when a condition expects an answer the question cannot give, then its values are reported', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'strategy.description')
      located.question.condition = { question: 'strategy.formal', anyOf: ['maybe'] }
      path = located.path
    })
    expect(pathsOf(problems)).toEqual([`${path}.condition.anyOf`])
  })

  it('when a sentence uses an unknown placeholder, then the sentence text is reported', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'funding.has_dedicated')
      located.question.profile = {
        section: 'funding',
        sentences: [{ text: 'Like {share} of cities, {town} …' }],
      }
      path = located.path
    })
    expect(pathsOf(problems)).toEqual([`${path}.profile.sentences.0.text`])
    expect(problems[0].message).toContain('{town}')
  })

  it('when an option is offered in an edition that does not exist, then its years are reported', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'funding.activities')
      if (located.question.type === 'multiple') located.question.options[0].availableIn = [2019]
      path = located.path
    })
    expect(problems).toEqual([
      {
        path: `${path}.options.0.availableIn`,
        where: "Question 'Which activities does this funding pay for?' (funding.activities)",
        message:
          "option 1 'Launching or sustaining a project' (launching_project) is offered in 2019, but there is no 2019 edition",
      },
    ])
  })

  it('when an option uses the reserved key "other", then it is reported', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'roles')
      if (located.question.type === 'multiple') located.question.options[0].key = 'other'
      path = located.path
    })
    expect(pathsOf(problems)).toContain(`${path}.options.0.key`)
  })

  it('when a number’s minimum is above its maximum, then the minimum is reported', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'city.population')
      if (located.question.type === 'number') located.question.min = 100_000_000
      path = located.path
    })
    expect(pathsOf(problems)).toEqual([`${path}.min`])
  })

  it('when a question has no label, then the shape error names the label', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'city.mayor')
      Object.assign(located.question, { label: undefined })
      path = located.path
    })
    expect(pathsOf(problems)).toEqual([`${path}.label`])
  })

  it('when a key is not lower-case words, then the shape error names the key', () => {
    const problems = problemsAfter((definition) => {
      definition.sections[0].key = 'City Facts'
    })
    expect(pathsOf(problems)).toEqual(['sections.0.key'])
  })

  it('when a question has an unknown type, then the shape error names the question', () => {
    let path = ''
    const problems = problemsAfter((definition) => {
      const located = locate(definition, 'goals.formal')
      Object.assign(located.question, { type: 'slider' })
      path = located.path
    })
    expect(pathsOf(problems)).toEqual([`${path}.type`])
  })

  it('when the document is not a definition at all, then the problem is at the document', () => {
    const result = validateDefinition('not a definition', context)
    expect(result.ok ? [] : pathsOf(result.problems)).toEqual(['(document)'])
  })
})
