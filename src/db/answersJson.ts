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

/** Answer rows from `answersAsJson`, in primary-key order (the aggregate's own order is not defined). */
export function answerRowsFromJson(value: unknown): AnswerRow[] {
  const tuples = (jsonValue(value) ?? []) as AnswerTuple[]
  return tuples
    .map(([questionKey, optionKey, text, number, note]) => ({
      questionKey,
      optionKey,
      text,
      // Exact numbers cross SQLite's JSON as text (see jsonArrayOfRows).
      number: number === null ? null : Number(number),
      note,
    }))
    .sort(byKeys)
}
