import {
  definitionSchema,
  type Definition,
  type DefinitionInput,
  type Question,
} from '../../../src/questionnaire/definitionSchema'
import { shippedDefinitions } from '../../../src/questionnaire/definitions'

/** The shipped definitions parsed (defaults applied), by year. */
export function parsedDefinition(year: number): Definition {
  const input = shippedDefinitions.find((definition) => definition.year === year)
  if (!input) throw new Error(`No shipped definition for ${year}`)
  return definitionSchema.parse(input)
}

/** A deep copy of a shipped definition's input, safe to break in a test. */
export function copyOfDefinition(year: number): DefinitionInput {
  const input = shippedDefinitions.find((definition) => definition.year === year)
  if (!input) throw new Error(`No shipped definition for ${year}`)
  return structuredClone(input)
}

type QuestionInput = DefinitionInput['sections'][number]['pages'][number]['questions'][number]

/** A question of a definition input by key, with its path ("sections.1.pages.0.questions.2"). */
export function locate(definition: DefinitionInput, key: string): { question: QuestionInput; path: string } {
  for (const [s, section] of definition.sections.entries()) {
    for (const [p, page] of section.pages.entries()) {
      const q = page.questions.findIndex((question) => question.key === key)
      if (q >= 0) return { question: page.questions[q], path: `sections.${s}.pages.${p}.questions.${q}` }
    }
  }
  throw new Error(`No question ${key}`)
}

/** A question of a parsed definition by key. */
export function questionOf(definition: Definition, key: string): Question {
  for (const section of definition.sections) {
    for (const page of section.pages) {
      const question = page.questions.find((q) => q.key === key)
      if (question) return question
    }
  }
  throw new Error(`No question ${key}`)
}
