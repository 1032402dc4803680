import type { Option, Question } from '../definitionSchema'
import { isOffered, offeredOptions, optionLabel } from '../definitionModel'
import {
  answerRow,
  keyLabels,
  one,
  optionsOfYears,
  type Check,
  type QuestionOf,
  type QuestionTypeModule,
} from './questionType'

/** What rating and matrix share: one choice per row, from the scale (rating) or the columns (matrix). */

export type GridType = 'rating' | 'matrix'

/** Rows (items) to column (scale level) keys. */
export interface GridAnswer<T extends GridType> {
  type: T
  cells: Record<string, string>
}

/** The columns of a grid question: the rating scale or the matrix columns. */
export const columnsOf = (question: QuestionOf<GridType>): Option[] =>
  question.type === 'rating' ? question.scale : question.columns

/** Columns of a grid question offered in this edition (none for other types). */
export function gridColumns(question: Question, year: number): Option[] {
  return question.type === 'rating' || question.type === 'matrix'
    ? columnsOf(question).filter((o) => isOffered(o, year))
    : []
}

/** A rating or matrix question, whichever `T` is (TypeScript does not narrow a generic's Extract). */
const asGrid = <T extends GridType>(question: QuestionOf<T>) => question as QuestionOf<GridType>

function validate<T extends GridType>(type: T, check: Check<T>): GridAnswer<T> | null {
  const { value, complete, year, fail } = check
  const question = asGrid(check.question)
  const rows = offeredOptions(question, year)
  const columns = columnsOf(question)
    .filter((o) => isOffered(o, year))
    .map((c) => c.key)
  const answered = rows.filter((row) => value.cells[row.key])
  if (answered.length === 0) return complete ? fail('required', [rows[0].key]) : null
  const invalid = answered.find((row) => !columns.includes(value.cells[row.key]))
  if (invalid) return fail('invalid', [invalid.key])
  const missing = rows.find((row) => !value.cells[row.key])
  if (complete && missing) return fail('incomplete', [missing.key], { row: missing.label })
  return {
    type,
    cells: Object.fromEntries(answered.map((row) => [row.key, value.cells[row.key]])),
  }
}

const display = (question: QuestionOf<GridType>, answer: GridAnswer<GridType>): string[] =>
  Object.entries(answer.cells).map(([row, cell]) => {
    const column = columnsOf(question).find((c) => c.key === cell)?.label ?? cell
    return `${optionLabel(question, row)}: ${column}`
  })

/** The parts of a grid type's module that rating and matrix share. */
export function gridModule<T extends GridType>(
  type: T,
): Omit<QuestionTypeModule<T, GridAnswer<T>>, 'title' | 'messages' | 'chart' | 'demo' | 'initialLists'> {
  return {
    type,
    view: 'grid',
    toRows: (questionKey, answer) =>
      Object.entries(answer.cells).map(([item, cell]) => answerRow(questionKey, item, { text: cell })),
    fromRows: (_question, rows) => ({
      type,
      cells: Object.fromEntries(rows.map((r) => [r.optionKey, r.text ?? ''])),
    }),
    toForm: (answer) => ({ cells: { ...answer.cells } }),
    readForm: (question, field, year) => {
      const cells: Record<string, string> = {}
      for (const row of offeredOptions(question, year)) {
        const cell = one(field(row.key))
        if (cell) cells[row.key] = cell
      }
      return { cells }
    },
    validate: (check) => validate(type, check),
    display: (question, answer) => display(asGrid(question), answer),
    sentenceValue: (question, answer) => display(asGrid(question), answer).join('; '),
    columns: (grid, layout) => {
      const question = asGrid(grid)
      const values = keyLabels(columnsOf(question).map((c) => [c.key, c.label]))
      return optionsOfYears(question, layout.years).map((o) => ({
        name: `${question.key}.${o.key}`,
        optionKey: o.key,
        values: `${o.label}: ${values}`,
        read: (answer) => answer.cells[o.key] ?? null,
      }))
    },
    countedKeys: (answer) => Object.entries(answer.cells).map(([row, cell]) => `${row}=${cell}`),
    authoringFields: [],
  }
}
