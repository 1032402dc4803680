import { OTHER, type AnswerValue } from '../questionnaire/answerCodec'
import type { Question } from '../questionnaire/definitionSchema'
import { answerKeys } from '../questionnaire/definitionModel'
import type { FieldError } from '../shared/errors'

/**
 * The form an administrator uses to correct one answer on a city's behalf, built from the
 * question's definition: field names, parsing to an AnswerValue and the checks that keep
 * the stored answer well-formed. An empty form clears the answer.
 */

export type FormBody = Record<string, unknown>
export interface ParsedCorrection {
  value: AnswerValue | undefined
  errors: FieldError[]
}

const text = (body: FormBody, name: string): string => {
  const raw = body[name]
  return (Array.isArray(raw) ? String(raw[0] ?? '') : typeof raw === 'string' ? raw : '').trim()
}
const list = (body: FormBody, name: string): string[] => {
  const raw = body[name]
  return (Array.isArray(raw) ? raw : raw === undefined || raw === '' ? [] : [raw]).map(String)
}

const rowsOf = (question: Question) => ('options' in question ? question.options : [])
const scaleKeys = (question: Question) =>
  (question.type === 'rating' ? question.scale : question.type === 'matrix' ? question.columns : []).map(
    (c) => c.key,
  )

const none: ParsedCorrection = { value: undefined, errors: [] }
const fail = (id: string, message: string): ParsedCorrection => ({
  value: undefined,
  errors: [{ href: `#${id}`, text: message }],
})
const ok = (value: AnswerValue): ParsedCorrection => ({ value, errors: [] })

/** Reads the submitted form into an answer, with a message for the field that is wrong. */
export function parseCorrection(question: Question, body: FormBody): ParsedCorrection {
  switch (question.type) {
    case 'yesno':
    case 'single':
      return parseChoice(question, body)
    case 'multiple':
      return parseMultiple(question, body)
    case 'rating':
    case 'matrix':
      return parseGrid(question, body)
    case 'ranking':
      return parseRanking(question, body)
    case 'number':
    case 'year':
      return parseNumber(question, body)
    case 'text':
    case 'longtext':
    case 'url':
      return parseText(question, body)
    case 'textList': {
      const values = Array.from({ length: question.maxItems }, (_, i) => text(body, `item-${i}`))
      const tooLong = values.findIndex((v) => v.length > question.maxLength)
      if (tooLong >= 0) return fail(`item-${tooLong}`, `Enter ${question.maxLength} characters or fewer`)
      const filled = values.filter(Boolean)
      return filled.length ? ok({ type: 'textList', values: filled }) : none
    }
  }
}

function parseChoice(
  question: Extract<Question, { type: 'yesno' | 'single' }>,
  body: FormBody,
): ParsedCorrection {
  const choice = text(body, 'answer')
  if (!choice) return none
  if (!answerKeys(question).includes(choice)) return fail('answer', 'Select one of the options')
  if (question.type === 'yesno') return ok({ type: 'yesno', choice })
  if (choice !== OTHER) return ok({ type: 'single', choice })
  const other = text(body, 'other')
  return other ? ok({ type: 'single', choice, other }) : fail('other', 'Enter the other answer')
}

function parseGrid(
  question: Extract<Question, { type: 'rating' | 'matrix' }>,
  body: FormBody,
): ParsedCorrection {
  const cells: Record<string, string> = {}
  for (const row of rowsOf(question)) {
    const cell = text(body, `cell-${row.key}`)
    if (!cell) continue
    if (!scaleKeys(question).includes(cell))
      return fail(`cell-${row.key}`, `Select an answer for ${row.label}`)
    cells[row.key] = cell
  }
  return Object.keys(cells).length ? ok({ type: question.type, cells }) : none
}

function parseNumber(
  question: Extract<Question, { type: 'number' | 'year' }>,
  body: FormBody,
): ParsedCorrection {
  const raw = text(body, 'answer').replaceAll(',', '')
  if (!raw) return none
  const value = Number(raw)
  const integer = question.type === 'year' || question.integer
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)))
    return fail('answer', integer ? 'Enter a whole number' : 'Enter a number')
  if (question.min !== undefined && value < question.min)
    return fail('answer', `Enter a number of ${question.min} or more`)
  if (question.max !== undefined && value > question.max)
    return fail('answer', `Enter a number of ${question.max} or less`)
  return ok({ type: question.type, value })
}

function parseText(
  question: Extract<Question, { type: 'text' | 'longtext' | 'url' }>,
  body: FormBody,
): ParsedCorrection {
  const value = text(body, 'answer')
  if (!value) return none
  if (question.type !== 'url' && value.length > question.maxLength)
    return fail('answer', `Enter ${question.maxLength} characters or fewer`)
  if (question.type === 'url' && !/^https?:\/\/[^\s]+\.[^\s]+$/i.test(value))
    return fail('answer', 'Enter a web address, like https://www.example.org')
  return ok({ type: question.type, value })
}

function parseMultiple(question: Extract<Question, { type: 'multiple' }>, body: FormBody): ParsedCorrection {
  const allowed = answerKeys(question)
  const choices = allowed.filter((key) => list(body, 'answer').includes(key))
  if (list(body, 'answer').some((key) => !allowed.includes(key)))
    return fail('answer', 'Select from the options shown')
  if (choices.length === 0) return none
  const exclusive = question.options.filter((o) => o.exclusive && choices.includes(o.key))
  if (exclusive.length && choices.length > 1)
    return fail('answer', `Select “${exclusive[0].label}” on its own`)
  if (question.maxChoices && choices.length > question.maxChoices)
    return fail('answer', `Select up to ${question.maxChoices} options`)
  const other = text(body, 'other')
  if (choices.includes(OTHER) && !other) return fail('other', 'Enter the other answer')
  const notes: Record<string, string> = {}
  if (question.notes)
    for (const key of choices) if (text(body, `note-${key}`)) notes[key] = text(body, `note-${key}`)
  return ok({ type: 'multiple', choices, notes, ...(choices.includes(OTHER) ? { other } : {}) })
}

function parseRanking(question: Extract<Question, { type: 'ranking' }>, body: FormBody): ParsedCorrection {
  const ranked: Array<[string, number]> = []
  for (const item of question.options) {
    const raw = text(body, `rank-${item.key}`)
    if (!raw) continue
    const rank = Number(raw)
    if (!Number.isInteger(rank) || rank < 1 || rank > question.options.length) {
      return fail(`rank-${item.key}`, `Enter a rank from 1 to ${question.options.length} for ${item.label}`)
    }
    if (ranked.some(([, r]) => r === rank))
      return fail(`rank-${item.key}`, `Give ${item.label} a rank no other item has`)
    ranked.push([item.key, rank])
  }
  if (ranked.length === 0) return none
  return ok({ type: 'ranking', order: ranked.sort((a, b) => a[1] - b[1]).map(([key]) => key) })
}

/** The form fields that show an answer, for filling the form in. */
export function formValues(value: AnswerValue | undefined): FormBody {
  if (!value) return {}
  switch (value.type) {
    case 'yesno':
      return { answer: value.choice }
    case 'single':
      return { answer: value.choice, other: value.other ?? '' }
    case 'multiple':
      return {
        answer: value.choices,
        other: value.other ?? '',
        ...Object.fromEntries(Object.entries(value.notes).map(([k, v]) => [`note-${k}`, v])),
      }
    case 'rating':
    case 'matrix':
      return Object.fromEntries(Object.entries(value.cells).map(([k, v]) => [`cell-${k}`, v]))
    case 'ranking':
      return Object.fromEntries(value.order.map((k, i) => [`rank-${k}`, String(i + 1)]))
    case 'number':
    case 'year':
      return { answer: String(value.value) }
    case 'text':
    case 'longtext':
    case 'url':
      return { answer: value.value }
    case 'textList':
      return Object.fromEntries(value.values.map((v, i) => [`item-${i}`, v]))
  }
}
