import type { z } from 'zod'
import { optionMention } from './definitionPlaces'
import { expectedWords, fieldWords, itemWords } from './shapeWords'

/**
 * Plain messages for the shape problems zod finds in part of a definition, written from the
 * kind of problem and the field's name ("the label is missing"), never zod's own wording.
 */

type Segment = PropertyKey
type Issue = z.core.$ZodIssue

const valueAt = (root: unknown, path: readonly Segment[]): unknown =>
  path.reduce<unknown>(
    (value, segment) =>
      value !== null && typeof value === 'object'
        ? (value as Record<PropertyKey, unknown>)[segment]
        : undefined,
    root,
  )

const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined

/** "the key of option 4 'Training' (training)", "the text of sentence 1", "the label". */
export function fieldNoun(path: readonly Segment[], root: unknown): string {
  const names = path.filter((segment): segment is string => typeof segment === 'string')
  const last = path.at(-1)
  if (typeof last === 'number') {
    const list = String(path.at(-2))
    return `${itemWords[list]?.[0] ?? 'entry'} ${last + 1}`
  }
  const field = names.at(-1)
  const noun = field === undefined ? 'it' : `the ${fieldWords[field] ?? `"${field}"`}`
  const ownerIndex = path.length - 2
  const owner = path[ownerIndex]
  if (typeof owner === 'number') {
    const list = String(path[ownerIndex - 1])
    const value = valueAt(root, path.slice(0, ownerIndex + 1)) as Record<string, unknown> | undefined
    const ownerWords = ['options', 'scale', 'columns'].includes(list)
      ? optionMention(list, owner, { key: textOf(value?.key), name: textOf(value?.label) })
      : `${itemWords[list]?.[0] ?? 'entry'} ${owner + 1}`
    return `${noun} of ${ownerWords}`
  }
  if (names.length > 1 && names.at(-2) === 'condition' && field !== 'condition')
    return `the condition's ${fieldWords[field!]}`
  return noun
}

const countWords = (
  count: number | bigint,
  list: string | undefined,
  unit: 'items' | 'characters',
): string => {
  const n = Number(count)
  if (unit === 'characters') return `${n} ${n === 1 ? 'character' : 'characters'}`
  const [one, many] = itemWords[list ?? ''] ?? ['entry', 'entries']
  return `${n} ${n === 1 ? one : many}`
}

const listOf = (values: readonly unknown[]): string => {
  const shown = values.map((value) => JSON.stringify(value))
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}` : (shown[0] ?? '')
}

/** A shape problem in plain words, and whether it was written from the kind of problem alone. */
export function shapeMessage(
  issue: Issue,
  root: unknown,
  questionTypes: readonly string[],
): { message: string; generic: boolean } {
  const path = issue.path
  const noun = fieldNoun(path, root)
  const value = valueAt(root, path)
  const list = path.filter((segment): segment is string => typeof segment === 'string').at(-1)
  const generic = (message: string) => ({ message, generic: true })
  switch (issue.code) {
    case 'invalid_type':
      return generic(
        value === undefined
          ? `${noun} ${list && path.at(-1) === list && itemWords[list] ? 'are' : 'is'} missing`
          : `${noun} must be ${expectedWords[issue.expected] ?? issue.expected}`,
      )
    case 'too_small':
      if (issue.origin === 'string')
        return generic(
          Number(issue.minimum) <= 1
            ? `${noun} is empty`
            : `${noun} must be at least ${countWords(issue.minimum, list, 'characters')}`,
        )
      if (issue.origin === 'array')
        return generic(`there must be at least ${countWords(issue.minimum, list, 'items')}`)
      return generic(`${noun} must be at least ${issue.minimum}`)
    case 'too_big':
      if (issue.origin === 'string')
        return generic(`${noun} must be at most ${countWords(issue.maximum, list, 'characters')}`)
      if (issue.origin === 'array')
        return generic(`there can be at most ${countWords(issue.maximum, list, 'items')}`)
      return generic(`${noun} must be at most ${issue.maximum}`)
    case 'invalid_value':
      return generic(`${noun} must be ${listOf(issue.values)}`)
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator === 'type') {
        const use = `use one of ${questionTypes.join(', ')}`
        return {
          message:
            value === undefined
              ? `the type is missing; ${use}`
              : `the type ${JSON.stringify(value)} is not a question type; ${use}`,
          generic: false,
        }
      }
      const allowed = issue.errors
        .flat()
        .flatMap((inner) => (inner.code === 'invalid_value' ? inner.values : []))
      return generic(
        allowed.length ? `${noun} must be ${listOf(allowed)}` : `${noun} is not one of the allowed forms`,
      )
    }
    case 'unrecognized_keys':
      return generic(
        `${noun} has ${issue.keys.length === 1 ? 'a field' : 'fields'} it does not allow: ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      )
    case 'invalid_format':
      if (list === 'key' || list === 'question')
        return {
          message: `${noun} ${JSON.stringify(value)} must be lower-case words joined by "_" or ".", like funding.sources`,
          generic: false,
        }
      return { message: `${noun} ${JSON.stringify(value)}: ${issue.message}`, generic: false }
    default:
      return {
        message: `${noun}${value === undefined ? '' : ` ${JSON.stringify(value)}`}: ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}`,
        generic: false,
      }
  }
}
