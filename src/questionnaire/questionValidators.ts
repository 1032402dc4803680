import { OTHER, type AnswerValue } from './answerCodec'
import type { Question } from './definitionSchema'
import { offeredOptions } from './definitionModel'
import { gridColumns, type FormValue } from './formCodec'
import type { Failure, MessageParams } from './validationMessages'

/**
 * The rules of each question type, as pageValidation's schema applies them: what counts as
 * blank, what is malformed, and the answer a valid input stands for.
 */

const OTHER_MAX = 200
const NOTE_MAX = 1000
const URL_MAX = 2000

/** Reports one failure of one question at one of its fields. */
export type Fail = (failure: Failure | Failure[], parts?: string[], params?: MessageParams) => null

export interface Check {
  question: Question
  value: FormValue
  /** The answer is required now (continuing, and the question is required). */
  complete: boolean
  /** The officer pressed "Save and continue" (not "come back later"). */
  continuing: boolean
  year: number
  fail: Fail
}

/** One validator per question type: the typed fields in, the answer out (null when blank or invalid). */
export const validators: Record<Question['type'], (check: Check) => AnswerValue | null> = {
  yesno: ({ value, complete, fail }) => {
    if (!value.choice) return complete ? fail('required') : null
    return ['yes', 'no'].includes(value.choice) ? { type: 'yesno', choice: value.choice } : fail('invalid')
  },
  single: ({ question, value, complete, year, fail }) => {
    if (question.type !== 'single') return null
    if (!value.choice) return complete ? fail('required') : null
    if (value.choice === OTHER && question.other) {
      const other = otherText(value, fail)
      return other === null ? null : { type: 'single', choice: OTHER, other }
    }
    return offeredOptions(question, year).some((o) => o.key === value.choice)
      ? { type: 'single', choice: value.choice }
      : fail('invalid')
  },
  multiple: multipleChoice,
  rating: grid,
  matrix: grid,
  ranking,
  number: ({ question, value, complete, fail }) => {
    if (question.type !== 'number') return null
    const text = value.text.trim().replace(/[,\s]/g, '')
    if (!text) return complete ? fail('required') : null
    if (!/^-?\d+(\.\d+)?$/.test(text)) return fail('invalid')
    const number = Number(text)
    if (question.integer && !Number.isInteger(number)) return fail('integer')
    return inRange(number, question.min, question.max, fail) ? { type: 'number', value: number } : null
  },
  year: ({ question, value, complete, fail }) => {
    if (question.type !== 'year') return null
    const text = value.text.trim()
    if (!text) return complete ? fail('required') : null
    if (!/^\d{4}$/.test(text)) return fail('invalid')
    return inRange(Number(text), question.min, question.max, fail, String)
      ? { type: 'year', value: Number(text) }
      : null
  },
  text: plainText,
  longtext: plainText,
  url: ({ value, complete, fail }) => {
    const text = value.text.trim()
    if (!text) return complete ? fail('required') : null
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`
    if (text.length > URL_MAX) return fail('maxLength', [], { maxLength: URL_MAX })
    return isWebAddress(withScheme) ? { type: 'url', value: withScheme } : fail('invalid')
  },
  textList: ({ question, value, complete, fail }) => {
    if (question.type !== 'textList') return null
    const entries = value.values.map((v, i) => ({ text: v.trim(), item: i + 1 })).filter((e) => e.text)
    if (entries.length === 0) return complete ? fail('required', ['1']) : null
    const tooLong = entries.filter((e) => e.text.length > question.maxLength)
    for (const e of tooLong)
      fail('maxLength', [String(e.item)], { item: e.item, maxLength: question.maxLength })
    return tooLong.length
      ? null
      : { type: 'textList', values: entries.slice(0, question.maxItems).map((e) => e.text) }
  },
}

function otherText(value: FormValue, fail: Fail): string | null {
  const other = value.other.trim()
  if (!other) return fail('otherRequired', [OTHER])
  if (other.length > OTHER_MAX) return fail('otherMaxLength', [OTHER], { maxLength: OTHER_MAX })
  return other
}

function multipleChoice({ question, value, complete, year, fail }: Check): AnswerValue | null {
  if (question.type !== 'multiple') return null
  if (value.choices.length === 0) return complete ? fail('required') : null
  const offered = offeredOptions(question, year)
  const allowed = offered.map((o) => o.key).concat(question.other ? [OTHER] : [])
  if (value.choices.some((choice) => !allowed.includes(choice))) return fail('invalid')
  const choices = allowed.filter((key) => value.choices.includes(key))
  const exclusive = offered.find((o) => o.exclusive && choices.includes(o.key))
  if (exclusive && choices.length > 1) return fail('exclusive', [exclusive.key], { option: exclusive.label })
  if (question.maxChoices && choices.length > question.maxChoices)
    return fail('maxChoices', [], { maxChoices: question.maxChoices })
  let ok = true
  const notes: Record<string, string> = {}
  for (const option of offered.filter((o) => question.notes && choices.includes(o.key))) {
    const note = (value.notes[option.key] ?? '').trim()
    if (note.length > NOTE_MAX)
      ok = fail('noteMaxLength', ['note', option.key], { option: option.label, maxLength: NOTE_MAX }) ?? false
    else if (note) notes[option.key] = note
  }
  const other = choices.includes(OTHER) ? otherText(value, fail) : undefined
  if (other === null || !ok) return null
  return { type: 'multiple', choices, notes, ...(other !== undefined ? { other } : {}) }
}

function grid({ question, value, complete, year, fail }: Check): AnswerValue | null {
  if (question.type !== 'rating' && question.type !== 'matrix') return null
  const rows = offeredOptions(question, year)
  const columns = gridColumns(question, year).map((c) => c.key)
  const answered = rows.filter((row) => value.cells[row.key])
  if (answered.length === 0) return complete ? fail('required', [rows[0].key]) : null
  const invalid = answered.find((row) => !columns.includes(value.cells[row.key]))
  if (invalid) return fail('invalid', [invalid.key])
  const missing = rows.find((row) => !value.cells[row.key])
  if (complete && missing) return fail('incomplete', [missing.key], { row: missing.label })
  return {
    type: question.type,
    cells: Object.fromEntries(answered.map((row) => [row.key, value.cells[row.key]])),
  }
}

function ranking({ question, value, complete, continuing, year, fail }: Check): AnswerValue | null {
  const items = offeredOptions(question, year)
  const ranked = items.filter((item) => value.cells[item.key])
  if (ranked.length === 0) return complete ? fail('required', [items[0].key]) : null
  const rankOf = (key: string) => Number(value.cells[key])
  const invalid = ranked.find(
    (item) => !/^\d+$/.test(value.cells[item.key]) || rankOf(item.key) < 1 || rankOf(item.key) > items.length,
  )
  if (invalid) return fail('invalid', [invalid.key])
  const seen = new Set<number>()
  const duplicate = ranked.find((item) =>
    seen.has(rankOf(item.key)) ? true : (seen.add(rankOf(item.key)), false),
  )
  if (duplicate) return fail('duplicate', [duplicate.key])
  const unranked = items.find((item) => !value.cells[item.key])
  // Saved for later, a partial ranking is kept; to continue, it must be whole (or, if optional, empty).
  if (unranked && continuing) return fail(complete ? 'required' : 'incomplete', [unranked.key])
  return {
    type: 'ranking',
    order: [...ranked].sort((a, b) => rankOf(a.key) - rankOf(b.key)).map((item) => item.key),
  }
}

function plainText({ question, value, complete, fail }: Check): AnswerValue | null {
  if (question.type !== 'text' && question.type !== 'longtext') return null
  const text = value.text.replace(/\r\n/g, '\n').trim()
  if (!text) return complete ? fail('required') : null
  if (text.length > question.maxLength) return fail('maxLength', [], { maxLength: question.maxLength })
  return { type: question.type, value: text }
}

/** Bounds as message parameters: numbers get thousands separators, years (`show = String`) do not. */
function inRange(
  number: number,
  min: number | undefined,
  max: number | undefined,
  fail: Fail,
  show: (n: number) => string | number = (n) => n,
): boolean {
  const both = min !== undefined && max !== undefined
  const params = { min: min === undefined ? '' : show(min), max: max === undefined ? '' : show(max) }
  if (min !== undefined && number < min) return fail(both ? ['range', 'min'] : 'min', [], params) ?? false
  if (max !== undefined && number > max) return fail(both ? ['range', 'max'] : 'max', [], params) ?? false
  return true
}

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text)
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.hostname.includes('.') &&
      !/\s/.test(text)
    )
  } catch {
    return false
  }
}
