import { OTHER, type Answers, type AnswerValue } from './answerCodec'
import type { Option, Question } from './definitionSchema'
import { isOffered, offeredOptions } from './definitionModel'
import { revealPlacement } from './revealPlacement'

/**
 * A question's form fields as the officer typed them: strings only, so invalid input
 * ("12 thousand") is kept and shown again. One flat shape for every question type keeps
 * the EJS partials simple; each type reads only the fields it needs.
 */
export interface FormValue {
  /** yes/no and single choice: the chosen key. */
  choice: string
  /** multiple choice: the chosen keys. */
  choices: string[]
  /** The "Other (please specify)" text. */
  other: string
  /** multiple choice: a note per chosen option. */
  notes: Record<string, string>
  /** rating and matrix: row key → column key; ranking: item key → rank ("1"…). */
  cells: Record<string, string>
  /** number, year, text, long text, URL. */
  text: string
  /** repeatable text. */
  values: string[]
}

export type FormBody = Record<string, unknown>

export const emptyFormValue = (): FormValue => ({
  choice: '',
  choices: [],
  other: '',
  notes: {},
  cells: {},
  text: '',
  values: [],
})

/*
 * Field names and ids. A question's base id is its key with "." → "-" (keys never contain
 * "-", so this is one-to-one and a valid HTML id); parts are joined with "--", which no key
 * can produce, so one question's fields can never collide with another's.
 */

/** The id (and name) of a question's field, or of one of its parts. */
export function fieldId(questionKey: string, idPrefix = '', ...parts: string[]): string {
  return [idPrefix + questionKey.replaceAll('.', '-'), ...parts].join('--')
}

/** Whether an error's href points at one of this question's fields. */
export function isQuestionError(href: string, questionKey: string, idPrefix = ''): boolean {
  const base = `#${fieldId(questionKey, idPrefix)}`
  return href === base || href.startsWith(`${base}--`)
}

/** The message to show beside a question, from the one list that also feeds the summary. */
export function questionError(
  errors: Array<{ href: string; text: string }> | undefined,
  questionKey: string,
  idPrefix = '',
): string | undefined {
  return errors?.find((error) => isQuestionError(error.href, questionKey, idPrefix))?.text
}

/** Columns of a grid question offered in this edition. */
export function gridColumns(question: Question, year: number): Option[] {
  if (question.type === 'rating') return question.scale.filter((o) => isOffered(o, year))
  if (question.type === 'matrix') return question.columns.filter((o) => isOffered(o, year))
  return []
}

/** A saved answer as form fields (what the page shows before the officer types anything). */
export function answerToFormValue(_question: Question, answer: AnswerValue | undefined): FormValue {
  const value = emptyFormValue()
  if (!answer) return value
  switch (answer.type) {
    case 'yesno':
      return { ...value, choice: answer.choice }
    case 'single':
      return { ...value, choice: answer.choice, other: answer.other ?? '' }
    case 'multiple':
      return { ...value, choices: [...answer.choices], other: answer.other ?? '', notes: { ...answer.notes } }
    case 'rating':
    case 'matrix':
      return { ...value, cells: { ...answer.cells } }
    case 'ranking':
      return {
        ...value,
        cells: Object.fromEntries(answer.order.map((key, index) => [key, String(index + 1)])),
      }
    case 'number':
    case 'year':
      return { ...value, text: Number.isFinite(answer.value) ? String(answer.value) : '' }
    case 'text':
    case 'longtext':
    case 'url':
      return { ...value, text: answer.value }
    case 'textList':
      return { ...value, values: [...answer.values] }
  }
}

/** A value that may be a FormValue already or a saved answer (for partials shared with authoring's preview). */
export function toFormValue(
  question: Question,
  value: FormValue | AnswerValue | undefined | null,
): FormValue {
  if (!value) return emptyFormValue()
  if ('type' in value) return answerToFormValue(question, value)
  return { ...emptyFormValue(), ...value }
}

/** One string from a body field (the body parser may give a string, an array or an object). */
function one(raw: unknown): string {
  if (typeof raw === 'string') return raw
  if (Array.isArray(raw)) return typeof raw[0] === 'string' ? raw[0] : ''
  return ''
}

/** Every string of a repeated body field (checkboxes). */
function many(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw]
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === 'string')
  if (raw && typeof raw === 'object')
    return Object.values(raw).filter((v): v is string => typeof v === 'string')
  return []
}

/** Reads one question's fields from a posted form body (only options offered in this edition). */
export function readFormValue(question: Question, body: FormBody, year: number, idPrefix = ''): FormValue {
  const field = (...parts: string[]) => body[fieldId(question.key, idPrefix, ...parts)]
  const value = emptyFormValue()
  switch (question.type) {
    case 'yesno':
      return { ...value, choice: one(field()) }
    case 'single':
      return { ...value, choice: one(field()), other: one(field(OTHER)) }
    case 'multiple': {
      const choices = [...new Set(many(field()))]
      const notes: Record<string, string> = {}
      if (question.notes) {
        for (const option of offeredOptions(question, year)) {
          const note = one(field('note', option.key))
          if (note.trim()) notes[option.key] = note
        }
      }
      return { ...value, choices, other: one(field(OTHER)), notes }
    }
    case 'rating':
    case 'matrix':
    case 'ranking': {
      const cells: Record<string, string> = {}
      for (const row of offeredOptions(question, year)) {
        const cell = one(field(row.key))
        if (cell) cells[row.key] = cell
      }
      return { ...value, cells }
    }
    case 'textList':
      return {
        ...value,
        values: Array.from({ length: question.maxItems }, (_, i) => one(field(String(i + 1)))),
      }
    default:
      return { ...value, text: one(field()) }
  }
}

/**
 * The first error of a question that is not shown beside one of its own inputs (`ownIds`),
 * for the message at the top of the question's group.
 */
export function groupError(
  errors: Array<{ href: string; text: string }> | undefined,
  questionKey: string,
  idPrefix = '',
  ownIds: string[] = [],
): string | undefined {
  return errors?.find(
    (error) => isQuestionError(error.href, questionKey, idPrefix) && !ownIds.includes(error.href.slice(1)),
  )?.text
}

/** What the question partials (views/questions) need, as one app.locals entry. */
export const questionForm = {
  id: fieldId,
  error: questionError,
  groupError,
  value: toFormValue,
  options: offeredOptions,
  columns: gridColumns,
  reveal: revealPlacement,
  /** Ids joined for aria-describedby (empty parts left out). */
  describedBy: (...ids: Array<string | false | undefined | null>): string => ids.filter(Boolean).join(' '),
}

/** The choices typed on a page, for deciding its own conditions before the page is valid. */
export function typedChoices(questions: Question[], values: Record<string, FormValue>): Answers {
  const answers: Answers = new Map()
  for (const q of questions) {
    const v = values[q.key]
    if (!v) continue
    if ((q.type === 'yesno' || q.type === 'single') && v.choice)
      answers.set(q.key, { type: q.type, choice: v.choice })
    if (q.type === 'multiple' && v.choices.length)
      answers.set(q.key, { type: 'multiple', choices: v.choices, notes: {} })
  }
  return answers
}
