import type { Knex } from 'knex'
import type { AnswerRow } from './answerRow'
import { jsonArrayOfRows, jsonValue } from './dialect'

type AnswerTuple = [string, string, string | null, number | string | null, string | null]

const columns = ['question_key', 'option_key', 'value_text', 'value_number', 'note']

/**
 * The answers of a response (grouped, or a correlated subquery) as one JSON value: the driver
 * converts one value per response instead of ~60 rows. `table` is the answers table's alias.
 */
export const answersAsJson = (knex: Knex, table = 'answers'): Knex.Raw =>
  jsonArrayOfRows(
    knex,
    columns.map((column) => `${table}.${column}`),
    [`${table}.value_number`],
  )

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
/** The primary key's order (keys are ASCII, so code units sort as SQLite's BINARY and pg's C collation). */
const byKeys = (a: AnswerRow, b: AnswerRow): number =>
  compare(a.questionKey, b.questionKey) || compare(a.optionKey, b.optionKey)

/**
 * Answer rows from `answersAsJson`, in primary-key order (the aggregate's own order is not
 * defined, though it is nearly always that order already: then no sort is needed).
 */
export function answerRowsFromJson(value: unknown): AnswerRow[] {
  const tuples = (jsonValue(value) ?? []) as AnswerTuple[]
  const rows = new Array<AnswerRow>(tuples.length)
  let sorted = true
  for (let i = 0; i < tuples.length; i++) {
    const [questionKey, optionKey, text, number, note] = tuples[i]
    // Exact numbers cross SQLite's JSON as text (see jsonArrayOfRows).
    rows[i] = { questionKey, optionKey, text, number: number === null ? null : Number(number), note }
    if (sorted && i > 0 && byKeys(rows[i - 1], rows[i]) > 0) sorted = false
  }
  return sorted ? rows : rows.sort(byKeys)
}
