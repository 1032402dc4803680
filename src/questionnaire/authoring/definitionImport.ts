import type { Definition } from '../definitionSchema'
import { documentPlace } from '../definitionPlaces'
import { validateDefinition, type DefinitionProblem, type ValidationContext } from '../validateDefinition'
import { withoutRemovedTexts } from '../translationProblems'

export type ImportCheck = { ok: true; definition: Definition } | { ok: false; problems: DefinitionProblem[] }

/**
 * Reads an uploaded definition and reports every problem with where it is: unreadable JSON,
 * a definition meant for another edition, and everything validateDefinition finds. Over an
 * edition's `current` definition, translations of texts the import removes go with them.
 */
export function checkImport(
  textInput: string,
  year: number,
  context: ValidationContext,
  current?: Definition,
): ImportCheck {
  if (!textInput.trim())
    return {
      ok: false,
      problems: [
        { path: '(document)', where: documentPlace, message: 'Paste the definition (JSON) or choose a file' },
      ],
    }
  let input: unknown
  try {
    input = JSON.parse(textInput)
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          path: '(document)',
          where: documentPlace,
          message: `This is not valid JSON: ${(error as Error).message}`,
        },
      ],
    }
  }
  const problems: DefinitionProblem[] = []
  const declared = (input as { year?: unknown } | null)?.year
  if (typeof declared === 'number' && declared !== year) {
    problems.push({
      path: 'year',
      where: documentPlace,
      message: `This definition is for ${declared}, but you are importing into ${year}. Change "year" to ${year} to import it here.`,
    })
  }
  const result = validateDefinition(current ? withoutRemovedTexts(input, current) : input, context)
  if (!result.ok) problems.push(...result.problems)
  return problems.length > 0 || !result.ok
    ? { ok: false, problems }
    : { ok: true, definition: result.definition }
}

/** The definition as a file to download: readable, stable key order as stored. */
export const exportJson = (definition: Definition): string => `${JSON.stringify(definition, null, 2)}\n`
