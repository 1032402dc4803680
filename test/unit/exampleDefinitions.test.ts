import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateDefinition } from '../../src/questionnaire/validateDefinition'
import { allQuestions } from '../../src/questionnaire/definitionModel'

/** The example questionnaires of other domains that ship beside the innovation survey's. */
const dir = path.resolve(import.meta.dirname, '../../src/questionnaire/definitions/examples')
const examples = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown] as const)

describe('example questionnaires', () => {
  it('when the examples folder is read, then it holds the digital-services survey', () => {
    expect(examples.map(([file]) => file)).toContain('digitalServices2027.json')
  })

  it.each(examples)('when %s is validated, then it passes with no problem', (_file, input) => {
    const result = validateDefinition(input, { knownYears: [] })
    expect(result.ok ? [] : result.problems).toEqual([])
  })

  it('when the digital-services survey is laid out, then it has 3 sections, about 12 questions of several types and a condition', () => {
    const input = examples.find(([file]) => file === 'digitalServices2027.json')?.[1]
    const result = validateDefinition(input, { knownYears: [] })
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const definition = result.definition
    const questions = allQuestions(definition).map(({ question }) => question)
    expect(definition.sections).toHaveLength(3)
    expect(questions.length).toBeGreaterThanOrEqual(10)
    expect(questions.length).toBeLessThanOrEqual(14)
    expect(new Set(questions.map((q) => q.type))).toEqual(
      new Set(['yesno', 'single', 'multiple', 'number', 'text', 'url', 'rating', 'longtext']),
    )
    const pages = definition.sections.flatMap((section) => section.pages)
    expect(pages.filter((page) => page.condition)).toHaveLength(1)
  })

  it('when its keys are compared with the shipped innovation survey, then none is shared', async () => {
    const { shippedDefinitions } = await import('../../src/questionnaire/definitions')
    const innovation = new Set(
      shippedDefinitions.flatMap((d) =>
        d.sections.flatMap((s) => s.pages.flatMap((p) => p.questions.map((q) => q.key))),
      ),
    )
    for (const [, input] of examples) {
      const result = validateDefinition(input, { knownYears: [] })
      if (!result.ok) continue
      const shared = allQuestions(result.definition).filter(({ question }) => innovation.has(question.key))
      expect(shared.map(({ question }) => question.key)).toEqual([])
    }
  })
})
