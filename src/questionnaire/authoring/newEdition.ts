import type { FieldError } from '../../shared/errors'
import { blankDefinition } from '../blankDefinition'
import { copyDefinition } from '../copyDefinition'
import type { Definition } from '../definitionSchema'
import type { Edition } from '../editionsRepository'
import { validateDefinition, type DefinitionProblem } from '../validateDefinition'
import type { AuthoringDeps, AuthoringService } from './authoringService'
import { checkImport } from './definitionImport'
import { text, type FormValues } from './formValues'

/** How a new survey year's questionnaire begins. */
export const editionStarts = ['blank', 'copy', 'import'] as const
export type EditionStart = (typeof editionStarts)[number]

export type CreateResult =
  | { ok: true; year: number; start: EditionStart }
  | { ok: false; errors: FieldError[]; problems: DefinitionProblem[] }

/** The chosen start; a form from before the choice existed (only `copyFrom`) means a copy. */
export function chosenStart(values: FormValues): EditionStart | undefined {
  const start = text(values, 'start')
  if ((editionStarts as readonly string[]).includes(start)) return start as EditionStart
  return start === '' && text(values, 'copyFrom') ? 'copy' : undefined
}

async function fieldErrors(
  deps: AuthoringDeps,
  values: FormValues,
  start: EditionStart | undefined,
  source: Edition | undefined,
): Promise<FieldError[]> {
  const errors: FieldError[] = []
  const year = Number(text(values, 'year'))
  if (!/^\d{4}$/.test(text(values, 'year')) || year < 1900 || year > 2200)
    errors.push({ href: '#year', text: 'Enter the year as 4 digits, like 2030' })
  else if (await deps.editions.findByYear(year))
    errors.push({ href: '#year', text: `There is already a ${year} edition` })
  if (text(values, 'title').length > 200)
    errors.push({ href: '#title', text: 'The title must be 200 characters or fewer' })
  if (!start)
    errors.push({
      href: '#start',
      text: 'Select how to start the questionnaire: from a blank, a copy or a JSON file',
    })
  if (start === 'copy' && !source) errors.push({ href: '#copyFrom', text: 'Select the edition to copy' })
  if (start === 'import' && !text(values, 'definition'))
    errors.push({ href: '#definition', text: 'Paste the definition (JSON) or choose a file' })
  return errors
}

type Built = { ok: true; definition: Definition } | { ok: false; problems: DefinitionProblem[] }

function build(
  start: EditionStart,
  values: FormValues,
  year: number,
  source: Edition | undefined,
  known: number[],
): Built {
  const title = text(values, 'title') || undefined
  if (start === 'import') {
    const checked = checkImport(String(values.definition ?? ''), year, { knownYears: known })
    if (!checked.ok) return checked
    return { ok: true, definition: title ? { ...checked.definition, title } : checked.definition }
  }
  const draft =
    start === 'copy' && source ? copyDefinition(source.definition, year, title) : blankDefinition(year, title)
  return validateDefinition(draft, { knownYears: known })
}

const summaries: Record<EditionStart, (year: number, from?: number) => string> = {
  blank: (year) => `Created the ${year} edition from a blank questionnaire`,
  copy: (year, from) => `Created the ${year} edition by copying the ${from} questionnaire`,
  import: (year) => `Created the ${year} edition from an imported definition`,
}

/**
 * A new draft edition: from a blank questionnaire, a copy of an earlier edition (every key
 * kept) or an imported JSON definition. Nothing is created unless every check passes.
 */
export async function createEdition(
  deps: AuthoringDeps,
  authoring: AuthoringService,
  values: FormValues,
  actorId: number,
): Promise<CreateResult> {
  const start = chosenStart(values)
  const source =
    start === 'copy' ? await deps.editions.findByYear(Number(text(values, 'copyFrom'))) : undefined
  const errors = await fieldErrors(deps, values, start, source)
  if (errors.length > 0 || !start) return { ok: false, errors, problems: [] }
  const year = Number(text(values, 'year'))
  const built = build(start, values, year, source, [...(await authoring.knownYears()), year])
  if (!built.ok) {
    const count = built.problems.length
    const href = start === 'import' ? '#problems' : '#start'
    const said = count === 1 ? 'there is 1 problem' : `there are ${count} problems`
    return {
      ok: false,
      errors: [{ href, text: `The questionnaire was not created: ${said}. Nothing was changed.` }],
      problems: built.problems,
    }
  }
  await deps.changes.createEdition(
    {
      year,
      title: built.definition.title,
      status: 'draft',
      definition: built.definition,
      copiedFromYear: source?.year ?? null,
    },
    { actorId, summary: summaries[start](year, source?.year), before: null },
  )
  return { ok: true, year, start }
}
