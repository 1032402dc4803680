import type { AnswerRow } from '../db/answerRow'
import type { Question } from './definitionSchema'

// The row type is the answers table's, so it lives with the database code (src/db).
export type { AnswerRow }

/** Option key reserved for "Other (please specify)"; definitions may not use it. */
export const OTHER = 'other'

/** An answer to one question, in the shape the form and the profile work with. */
export type AnswerValue =
  | { type: 'yesno'; choice: string }
  | { type: 'single'; choice: string; other?: string }
  | { type: 'multiple'; choices: string[]; other?: string; notes: Record<string, string> }
  | { type: 'rating' | 'matrix'; cells: Record<string, string> }
  | { type: 'ranking'; order: string[] }
  | { type: 'number' | 'year'; value: number }
  | { type: 'text' | 'longtext' | 'url'; value: string }
  | { type: 'textList'; values: string[] }

export type Answers = Map<string, AnswerValue>

const row = (questionKey: string, optionKey: string, fields: Partial<AnswerRow> = {}): AnswerRow => ({
  questionKey,
  optionKey,
  text: null,
  number: null,
  note: null,
  ...fields,
})

/** Turns one answer into its stored rows. */
export function answerToRows(questionKey: string, value: AnswerValue): AnswerRow[] {
  switch (value.type) {
    case 'yesno':
      return [row(questionKey, value.choice)]
    case 'single':
      return [row(questionKey, value.choice, value.choice === OTHER ? { text: value.other ?? '' } : {})]
    case 'multiple':
      return value.choices.map((choice) =>
        row(questionKey, choice, {
          text: choice === OTHER ? (value.other ?? '') : null,
          note: value.notes[choice] || null,
        }),
      )
    case 'rating':
    case 'matrix':
      return Object.entries(value.cells).map(([item, cell]) => row(questionKey, item, { text: cell }))
    case 'ranking':
      return value.order.map((item, index) => row(questionKey, item, { number: index + 1 }))
    case 'number':
    case 'year':
      return [row(questionKey, '', { number: value.value })]
    case 'text':
    case 'longtext':
    case 'url':
      return [row(questionKey, '', { text: value.value })]
    case 'textList':
      return value.values.map((text, index) => row(questionKey, String(index), { text }))
  }
}

/** Rebuilds one question's answer from its rows; undefined when there are none. */
export function rowsToAnswer(question: Question, rows: AnswerRow[]): AnswerValue | undefined {
  if (rows.length === 0) return undefined
  const first = rows[0]
  switch (question.type) {
    case 'yesno':
      return { type: 'yesno', choice: first.optionKey }
    case 'single':
      return first.optionKey === OTHER
        ? { type: 'single', choice: OTHER, other: first.text ?? '' }
        : { type: 'single', choice: first.optionKey }
    case 'multiple': {
      const order = question.options.map((option) => option.key).concat(OTHER)
      const sorted = [...rows].sort((a, b) => order.indexOf(a.optionKey) - order.indexOf(b.optionKey))
      const notes: Record<string, string> = {}
      for (const r of sorted) if (r.note) notes[r.optionKey] = r.note
      const other = sorted.find((r) => r.optionKey === OTHER)?.text ?? undefined
      return { type: 'multiple', choices: sorted.map((r) => r.optionKey), notes, ...(other ? { other } : {}) }
    }
    case 'rating':
    case 'matrix':
      return { type: question.type, cells: Object.fromEntries(rows.map((r) => [r.optionKey, r.text ?? ''])) }
    case 'ranking':
      return {
        type: 'ranking',
        order: [...rows].sort((a, b) => (a.number ?? 0) - (b.number ?? 0)).map((r) => r.optionKey),
      }
    case 'number':
    case 'year':
      return { type: question.type, value: Number(first.number) }
    case 'text':
    case 'longtext':
    case 'url':
      return { type: question.type, value: first.text ?? '' }
    case 'textList':
      return {
        type: 'textList',
        values: [...rows].sort((a, b) => Number(a.optionKey) - Number(b.optionKey)).map((r) => r.text ?? ''),
      }
  }
}

/** Groups a response's rows by question key. */
export function groupRows(rows: AnswerRow[]): Map<string, AnswerRow[]> {
  const byQuestion = new Map<string, AnswerRow[]>()
  for (const r of rows) {
    const list = byQuestion.get(r.questionKey)
    if (list) list.push(r)
    else byQuestion.set(r.questionKey, [r])
  }
  return byQuestion
}
