import type { FieldError } from '../../shared/errors'
import type { DefinitionProblem } from '../validateDefinition'

/** A form's submitted values: text fields as strings, checkbox groups as arrays. */
export type FormValues = Record<string, string | string[] | undefined>

/** Picks the named fields out of a urlencoded body (unknown fields are ignored). */
export function formValues(
  body: unknown,
  fields: readonly string[],
  lists: readonly string[] = [],
): FormValues {
  const source = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const values: FormValues = {}
  for (const name of fields)
    values[name] = typeof source[name] === 'string' ? (source[name] as string) : undefined
  for (const name of lists) {
    const raw = source[name]
    values[name] = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (v): v is string => typeof v === 'string',
    )
  }
  return values
}

export const text = (values: FormValues, name: string): string => {
  const value = values[name]
  return typeof value === 'string' ? value.trim() : ''
}

export const list = (values: FormValues, name: string): string[] => {
  const value = values[name]
  return Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []
}

export const checked = (values: FormValues, name: string): boolean => text(values, name) === 'true'

/** An optional number field: undefined when empty, an error when it is not a number. */
export function numberField(
  values: FormValues,
  name: string,
  what: string,
  errors: FieldError[],
): number | undefined {
  const raw = text(values, name)
  if (raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value)) {
    errors.push({ href: `#${name}`, text: `Enter the ${what} as a number, like 10` })
    return undefined
  }
  return value
}

/** Sets or removes an optional property (empty text removes it, so schema defaults apply). */
export function setOptional(target: Record<string, unknown>, name: string, value: unknown): void {
  if (value === undefined || value === '') delete target[name]
  else target[name] = value
}

/** Makes an option key from a label: "Idea generation & brainstorming" → "idea_generation_brainstorming". */
export function keyFromLabel(label: string): string {
  const key = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
  return /^[a-z]/.test(key) ? key : `option_${key}`
}

/** Options typed one per line, as "key = Label" or just "Label" (the key is made from it). */
export function optionsFromLines(lines: string): Array<{ key: string; label: string }> {
  return lines
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^([a-z][a-z0-9_]*)\s*=\s*(.+)$/.exec(line)
      return m ? { key: m[1], label: m[2].trim() } : { key: keyFromLabel(line), label: line }
    })
}

/** Messages for a field left empty or too small, written for the editor rather than zod's defaults. */
const emptyMessages: Record<string, string> = {
  key: 'Enter a key, like funding.activities',
  label: 'Enter the text',
  title: 'Enter a title',
  questionKey: 'Enter the first question’s key',
  questionLabel: 'Enter the first question’s text',
  pageKey: 'Enter the first page’s key',
  pageTitle: 'Enter the first page’s title',
  conditionAnswers: 'Select at least one answer that shows this',
  newOptions: 'Enter the options, one per line (ranking questions need at least two)',
  newScale: 'Enter the scale points or columns, one per line (at least two)',
  profileChartTitle: 'Enter the chart title, or turn the chart off',
  availableIn: 'Select at least one edition that offers this option',
  maxChoices: 'Enter the most choices as a whole number of 1 or more',
  maxItems: 'Enter the most items as a whole number from 1 to 20',
  maxLength: 'Enter the longest answer as a whole number of 1 or more',
}

/**
 * Problems from validateDefinition, placed next to the field they concern (or, when they
 * concern another part of the questionnaire, in the summary with where they are).
 */
export function problemsToErrors(
  problems: DefinitionProblem[],
  fieldFor: (path: string) => string | undefined,
  fallback: { field: string; describe: (path: string) => string },
): FieldError[] {
  const errors: FieldError[] = []
  for (const problem of problems) {
    const field = fieldFor(problem.path)
    const message = field && problem.generic && emptyMessages[field] ? emptyMessages[field] : problem.message
    const error = field
      ? { href: `#${field}`, text: `${message.charAt(0).toUpperCase()}${message.slice(1)}` }
      : { href: `#${fallback.field}`, text: `${fallback.describe(problem.path)}: ${message}` }
    if (!errors.some((e) => e.href === error.href && e.text === error.text)) errors.push(error)
  }
  return errors
}

/** A path relative to a prefix ("sections.0.pages.1.title" under "sections.0.pages.1" → "title"), or undefined. */
export function relativePath(path: string, prefix: string): string | undefined {
  if (path === prefix) return ''
  return path.startsWith(`${prefix}.`) ? path.slice(prefix.length + 1) : undefined
}
