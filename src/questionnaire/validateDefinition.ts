import { definitionSchema, type Definition } from './definitionSchema'
import type { DefinitionProblem, ValidationContext } from './definitionProblem'
import { readDefinition } from './definitionShape'
import { meaningProblems } from './definitionMeaning'
import { profileLayoutProblems } from './profileLayoutProblems'
import { translationProblems } from './translationProblems'

export type { DefinitionProblem, ValidationContext } from './definitionProblem'

export type DefinitionResult =
  { ok: true; definition: Definition } | { ok: false; problems: DefinitionProblem[] }

/**
 * Validates a definition's shape, part by part, and its meaning: unique keys, conditions that
 * point back to earlier questions and answers they can give, known template placeholders,
 * existing edition years, and translations of its own texts into offered languages. A shape
 * problem in one question does not hide the cross-checks of the others, so an import lists
 * every problem at once, each with the question, page or section it concerns, in plain words.
 */
export function validateDefinition(input: unknown, context: ValidationContext): DefinitionResult {
  const read = readDefinition(input)
  const problems = [...read.problems, ...meaningProblems(read, context)]
  // The profile layout is checked against the questions once the whole shape could be read.
  const parsed = definitionSchema.safeParse(input)
  if (parsed.success)
    problems.push(...profileLayoutProblems(parsed.data), ...translationProblems(parsed.data))
  if (problems.length > 0 || !parsed.success) return { ok: false, problems }
  return { ok: true, definition: parsed.data }
}
