import { OTHER, type AnswerValue } from '../questionnaire/answerCodec'
import type { Definition, Option, Question } from '../questionnaire/definitionSchema'
import { allQuestions, isOffered } from '../questionnaire/definitionModel'

export type Cell = string | number | null

/** One column of the open data: a stable key, its codebook entry and how to read it from an answer. */
export interface DataColumn {
  name: string
  questionKey: string
  optionKey: string
  question: string
  type: string
  /** What the values mean, for the codebook. */
  values: string
  read: (value: AnswerValue | undefined) => Cell
  /** The edition years the column's option is offered in, where not every year. */
  availableIn?: number[]
}

/** A column's option availability, for files whose rows come from several years. */
const availability = (option: Option): { availableIn?: number[] } =>
  option.availableIn ? { availableIn: option.availableIn } : {}

const chosen = (value: AnswerValue | undefined): string[] =>
  value?.type === 'multiple'
    ? value.choices
    : value?.type === 'single' || value?.type === 'yesno'
      ? [value.choice]
      : []

const labels = (options: Option[]): string => options.map((o) => `${o.key} = ${o.label}`).join('; ')

function choiceColumns(
  question: Extract<Question, { type: 'single' | 'multiple' }>,
  year: number[],
): DataColumn[] {
  const base = { questionKey: question.key, question: question.label, type: question.type }
  const options = offeredOptions(question, year)
  const columns: DataColumn[] =
    question.type === 'single'
      ? [
          {
            ...base,
            name: question.key,
            optionKey: '',
            values: labels(options) + (question.other ? '; other = Other' : ''),
            read: (v) => chosen(v)[0] ?? null,
          },
        ]
      : options.concat(question.other ? [{ key: OTHER, label: 'Other' }] : []).map((option) => ({
          ...base,
          name: `${question.key}.${option.key}`,
          optionKey: option.key,
          ...availability(option),
          values: `1 = chose “${option.label}”; 0 = did not; empty = not answered${option.availableIn ? ` (offered in ${option.availableIn.join(', ')} only)` : ''}`,
          read: (v: AnswerValue | undefined) => (v ? (chosen(v).includes(option.key) ? 1 : 0) : null),
        }))
  if (question.other) {
    columns.push({
      ...base,
      name: `${question.key}.other_text`,
      optionKey: OTHER,
      values: 'The “Other” answer as written',
      read: (v) => (v && (v.type === 'single' || v.type === 'multiple') ? (v.other ?? null) : null),
    })
  }
  if (question.type === 'multiple' && question.notes) {
    for (const option of options) {
      columns.push({
        ...base,
        name: `${question.key}.${option.key}.note`,
        optionKey: option.key,
        values: `Note on “${option.label}” as written`,
        read: (v) => (v?.type === 'multiple' ? (v.notes[option.key] ?? null) : null),
      })
    }
  }
  return columns
}

/** The options offered in any of these edition years (the years a file's answers come from). */
const offeredOptions = (question: Question, years: number[]): Option[] =>
  'options' in question ? question.options.filter((o) => years.some((year) => isOffered(o, year))) : []

/** The columns of one question (one per option, row, item or list entry where it has several). */
function questionColumns(question: Question, year: number[]): DataColumn[] {
  const base = { questionKey: question.key, question: question.label, type: question.type }
  switch (question.type) {
    case 'yesno':
      return [
        { ...base, name: question.key, optionKey: '', values: 'yes; no', read: (v) => chosen(v)[0] ?? null },
      ]
    case 'single':
    case 'multiple':
      return choiceColumns(question, year)
    case 'rating':
    case 'matrix': {
      const scale = question.type === 'rating' ? question.scale : question.columns
      return offeredOptions(question, year).map((row) => ({
        ...base,
        name: `${question.key}.${row.key}`,
        optionKey: row.key,
        values: `${row.label}: ${labels(scale)}`,
        read: (v) => (v?.type === question.type ? (v.cells[row.key] ?? null) : null),
      }))
    }
    case 'ranking':
      return offeredOptions(question, year).map((item) => ({
        ...base,
        name: `${question.key}.${item.key}`,
        optionKey: item.key,
        values: `Rank of “${item.label}” (1 = first)`,
        read: (v) =>
          v?.type === 'ranking' && v.order.includes(item.key) ? v.order.indexOf(item.key) + 1 : null,
      }))
    case 'textList':
      return Array.from({ length: question.maxItems }, (_, index) => ({
        ...base,
        name: `${question.key}.${index + 1}`,
        optionKey: String(index),
        values: `Entry ${index + 1} as written`,
        read: (v: AnswerValue | undefined) => (v?.type === 'textList' ? (v.values[index] ?? null) : null),
      }))
    case 'number':
    case 'year':
      return [
        {
          ...base,
          name: question.key,
          optionKey: '',
          values: question.type === 'number' && question.unit ? `Number (${question.unit})` : 'Number',
          read: (v) => (v && 'value' in v && typeof v.value === 'number' ? v.value : null),
        },
      ]
    default:
      return [
        {
          ...base,
          name: question.key,
          optionKey: '',
          values: 'Text as written',
          read: (v) => (v && 'value' in v && typeof v.value === 'string' ? v.value : null),
        },
      ]
  }
}

/**
 * Every question's columns in reading order, stable keys as names, with the options offered in
 * any of the years the answers come from (the edition's own year by default).
 */
export function openDataColumns(definition: Definition, years: number[] = [definition.year]): DataColumn[] {
  return allQuestions(definition).flatMap(({ question }) => questionColumns(question, years))
}

export const cityColumns = ['city_slug', 'city_name', 'country', 'iso3', 'region'] as const

/** Spreadsheets run cells that start with = + - @ (or a tab or carriage return): prefix them with '. */
export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
}

/** JSON that is safe to embed or sniff: <, >, & and line separators as \u escapes (same data when parsed). */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}
