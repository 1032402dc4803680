import { cityFactFields, profileBlockLayouts, type Definition, type ProfileBlock } from '../definitionSchema'
import { refused, type Direction, type EditOutcome } from './editOutcome'
import { formValues, relativePath, setOptional, text, type FormValues } from './formValues'
import { moveItem } from './locate'
import { NotFoundError } from '../../shared/errors'
import { allQuestions } from '../definitionModel'

/** The form field of a city fact's label ("factCountry"). */
export const factField = (field: string): string => `fact${field[0].toUpperCase()}${field.slice(1)}`

export const blockValues = (body: unknown): FormValues =>
  formValues(body, ['key', 'title', 'layout', 'heading', ...cityFactFields.map(factField)])

export function blockToValues(block: ProfileBlock): FormValues {
  const values: FormValues = {
    key: block.key,
    title: block.title ?? '',
    layout: block.layout,
    heading: block.heading ?? '',
  }
  for (const field of cityFactFields)
    values[factField(field)] = block.cityFacts?.find((fact) => fact.field === field)?.label ?? ''
  return values
}

export interface BlockAt {
  block: ProfileBlock
  b: number
  path: string
}

/** Finds a profile block by key (404 when the link is stale). */
export function locateBlock(definition: Definition, key: string): BlockAt {
  const b = definition.profile.blocks.findIndex((block) => block.key === key)
  if (b < 0) throw new NotFoundError(`The profile has no block “${key}”`)
  return { block: definition.profile.blocks[b], b, path: `profile.blocks.${b}` }
}

/** The questions a block shows, in questionnaire order. */
export const blockQuestions = (definition: Definition, key: string) =>
  allQuestions(definition)
    .map(({ question }) => question)
    .filter((question) => question.profile?.section === key)

function blockFieldFor(relative: string): string | undefined {
  if (['key', 'title', 'layout', 'heading'].includes(relative)) return relative
  const fact = /^cityFacts\.(\d+)/.exec(relative)
  return fact ? 'layout' : undefined
}

const fieldsAt = (path: string) => (problem: string) => {
  const relative = relativePath(problem, path)
  return relative === undefined ? undefined : blockFieldFor(relative)
}

/** Writes the form's fields onto a block; city facts only for a facts table. */
function applyBlockFields(block: Record<string, unknown>, values: FormValues): void {
  block.key = text(values, 'key')
  setOptional(block, 'title', text(values, 'title'))
  const layout = text(values, 'layout')
  block.layout = (profileBlockLayouts as readonly string[]).includes(layout) ? layout : 'section'
  setOptional(block, 'heading', text(values, 'heading'))
  const facts = cityFactFields
    .map((field) => ({ field, label: text(values, factField(field)) }))
    .filter((fact) => fact.label)
  setOptional(block, 'cityFacts', block.layout === 'facts' && facts.length > 0 ? facts : undefined)
}

export function addBlock(draft: Definition, values: FormValues): EditOutcome {
  const block: Record<string, unknown> = {}
  applyBlockFields(block, values)
  draft.profile.blocks.push(block as ProfileBlock)
  const path = `profile.blocks.${draft.profile.blocks.length - 1}`
  return { summary: `Added profile block ${String(block.key)}`, fieldFor: fieldsAt(path) }
}

/** Changes a block; a new key is carried to the questions shown in it. */
export function updateBlock(draft: Definition, key: string, values: FormValues): EditOutcome {
  const at = locateBlock(draft, key)
  applyBlockFields(at.block as Record<string, unknown>, values)
  const renamed = at.block.key !== key
  if (renamed) for (const question of blockQuestions(draft, key)) question.profile!.section = at.block.key
  return {
    summary: `Changed profile block ${key}${renamed ? ` (now ${at.block.key})` : ''}`,
    fieldFor: fieldsAt(at.path),
  }
}

export function moveBlock(draft: Definition, key: string, direction: Direction): EditOutcome {
  const at = locateBlock(draft, key)
  moveItem(draft.profile.blocks, at.b, direction)
  return { summary: `Moved profile block ${key} ${direction}` }
}

/** Removes a block that shows no question (its questions are moved or taken off the profile first). */
export function removeBlock(draft: Definition, key: string): EditOutcome {
  const at = locateBlock(draft, key)
  const shown = blockQuestions(draft, key)
  if (shown.length > 0)
    return refused(
      `The block shows ${shown.length === 1 ? '1 question' : `${shown.length} questions`} (${shown.map((q) => q.key).join(', ')}). Choose another block for ${shown.length === 1 ? 'it' : 'them'}, or “Not shown”, on the question’s page first.`,
    )
  draft.profile.blocks.splice(at.b, 1)
  return { summary: `Removed profile block ${key}` }
}
