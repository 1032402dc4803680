import type { Definition } from './definitionSchema'
import { allQuestions } from './definitionModel'
import { typeModule, type AnswerValue } from './types'
import type { Cell, ColumnLayout } from './types/questionType'

export type { Cell, ColumnLayout } from './types/questionType'

/**
 * Answers as columns, one row per city: the review export (CSV, XLSX) and the public open data
 * both lay them out here, each question's columns from its type's module. Column names are the
 * stable question and option keys, so a column means the same thing in every edition.
 */
export interface AnswerColumn {
  /** The column name: `key`, `key.option`, `key.option.note`, `key.other`. */
  name: string
  /** The question it comes from. */
  questionKey: string
  /** The option, row, item or entry it is about ('' for the whole answer). */
  optionKey: string
  questionText: string
  type: string
  /** What the values mean, e.g. "yes = Yes; no = No" or "1 = chosen, 0 = not chosen: Grants". */
  values: string
  /** The cell of one city's answer to the question; empty when it has none. */
  read: (answer: AnswerValue | undefined) => Cell
  /** The edition years the column's option is offered in, where not every year. */
  availableIn?: number[]
}

/** Every question's columns in the questionnaire's reading order. */
export function answerColumns(definition: Definition, layout: ColumnLayout): AnswerColumn[] {
  return allQuestions(definition).flatMap(({ question }) =>
    typeModule(question.type)
      .columns(question, layout)
      .map(({ read, ...column }) => ({
        ...column,
        questionKey: question.key,
        questionText: question.label,
        type: question.type,
        // An answer of another type (the definition changed since) reads as no answer.
        read: (answer: AnswerValue | undefined) => (answer?.type === question.type ? read(answer) : null),
      })),
  )
}

const dangerous = /^[=+\-@\t\r]/

/**
 * Spreadsheets run a cell that begins with = + - @ (or tab/CR) as a formula. Text cells
 * get a leading apostrophe so they are shown, never run (OWASP "CSV injection").
 * Numbers stay numbers: a negative number is data, not a formula.
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && dangerous.test(cell) ? `'${cell}` : cell
}
