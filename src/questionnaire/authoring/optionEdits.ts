import type { Definition, Option } from '../definitionSchema'
import { refused, type Direction, type EditOutcome } from './editOutcome'
import { checked, formValues, list, relativePath, setOptional, text, type FormValues } from './formValues'
import { locateList, locateOption, moveItem } from './locate'
import type { OptionListName } from './optionLists'

export const optionValues = (body: unknown): FormValues =>
  formValues(
    body,
    ['key', 'label', 'longLabel', 'hint', 'phrase', 'exclusive', 'availability'],
    ['availableIn'],
  )

export const optionToValues = (option: Option): FormValues => ({
  key: option.key,
  label: option.label,
  longLabel: option.longLabel ?? '',
  hint: option.hint ?? '',
  phrase: option.phrase ?? '',
  exclusive: option.exclusive ? 'true' : '',
  availability: option.availableIn ? 'some' : 'all',
  availableIn: (option.availableIn ?? []).map(String),
})

export const newOptionValues = (year: number): FormValues => ({
  availability: 'all',
  availableIn: [String(year)],
})

const optionFields = ['key', 'label', 'longLabel', 'hint', 'phrase', 'exclusive', 'availableIn']

function applyOptionFields(option: Record<string, unknown>, values: FormValues): void {
  option.key = text(values, 'key')
  option.label = text(values, 'label')
  for (const name of ['longLabel', 'hint', 'phrase']) setOptional(option, name, text(values, name))
  setOptional(option, 'exclusive', checked(values, 'exclusive') || undefined)
  const years = list(values, 'availableIn')
    .map(Number)
    .filter(Number.isInteger)
    .sort((a, b) => a - b)
  setOptional(option, 'availableIn', text(values, 'availability') === 'some' ? years : undefined)
}

const fieldsAt = (path: string) => (problem: string) => {
  const relative = relativePath(problem, path)
  const head = relative?.split('.')[0]
  return head && optionFields.includes(head) ? head : undefined
}

const minimum = (list: OptionListName, questionType: string) =>
  list === 'options' && questionType !== 'ranking' ? 1 : 2

export function addOption(
  draft: Definition,
  questionKey: string,
  name: OptionListName,
  values: FormValues,
): EditOutcome {
  const at = locateList(draft, questionKey, name)
  const option: Record<string, unknown> = {}
  applyOptionFields(option, values)
  at.options.push(option as Option)
  const where = name === 'options' ? '' : ` ${name}`
  return {
    summary: `Added option “${option.label}” to ${questionKey}${where}`,
    fieldFor: fieldsAt(`${at.path}.${at.options.length - 1}`),
  }
}

export function updateOption(
  draft: Definition,
  questionKey: string,
  name: OptionListName,
  key: string,
  values: FormValues,
): EditOutcome {
  const at = locateOption(draft, questionKey, name, key)
  applyOptionFields(at.option as Record<string, unknown>, values)
  const rekeyed = at.option.key !== key ? `, now ${at.option.key}` : ''
  return {
    summary: `Changed option “${at.option.label}” (${key}${rekeyed}) of ${questionKey}`,
    fieldFor: fieldsAt(at.path),
  }
}

export function moveOption(
  draft: Definition,
  questionKey: string,
  name: OptionListName,
  key: string,
  direction: Direction,
): EditOutcome {
  const at = locateOption(draft, questionKey, name, key)
  moveItem(at.options, at.o, direction)
  return { summary: `Moved option ${key} of ${questionKey} ${direction}` }
}

export function removeOption(
  draft: Definition,
  questionKey: string,
  name: OptionListName,
  key: string,
): EditOutcome {
  const at = locateOption(draft, questionKey, name, key)
  const least = minimum(name, at.question.type)
  if (at.options.length <= least)
    return refused(
      `This list needs at least ${least === 1 ? 'one option' : 'two options'}, so this one cannot be removed.`,
    )
  at.options.splice(at.o, 1)
  return { summary: `Removed option “${at.option.label}” (${key}) from ${questionKey}` }
}

/**
 * "No longer offered from edition X on": the option stays in the definition (its answers
 * keep their meaning) but is offered only in the editions before X.
 */
export function retireOption(
  draft: Definition,
  questionKey: string,
  name: OptionListName,
  key: string,
  from: number,
  knownYears: number[],
): EditOutcome {
  const at = locateOption(draft, questionKey, name, key)
  if (!Number.isInteger(from))
    return {
      summary: '',
      errors: [{ href: '#from', text: 'Select the first edition that no longer offers this option' }],
    }
  const years = (at.option.availableIn ?? knownYears).filter((year) => year < from)
  if (years.length === 0) {
    return {
      summary: '',
      errors: [
        {
          href: '#from',
          text: `No edition before ${from} offers this option. Remove it instead, or choose a later edition.`,
        },
      ],
    }
  }
  at.option.availableIn = [...new Set(years)].sort((a, b) => a - b)
  return {
    summary: `Marked option “${at.option.label}” (${key}) of ${questionKey} as no longer offered from ${from} on`,
  }
}
