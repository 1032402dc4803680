import type { Knex } from 'knex'

/** Dialect differences live here and nowhere else (STYLE.md §7). */
export const isPostgres = (knex: Knex): boolean => knex.client.config.client === 'pg'

/** Inserts a row and returns its new id, on SQLite and PostgreSQL alike. */
export async function insertReturningId(
  knex: Knex,
  table: string,
  row: Record<string, unknown>,
): Promise<number> {
  const [result] = await knex(table).insert(row, ['id'])
  return typeof result === 'object' ? Number((result as { id: number }).id) : Number(result)
}

/** Inserts many rows in chunks small enough for SQLite's variable limit. */
export async function insertInChunks(
  knex: Knex,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]).length
  const chunk = Math.max(1, Math.floor(900 / columns))
  for (let i = 0; i < rows.length; i += chunk) await knex(table).insert(rows.slice(i, i + chunk))
}

/**
 * An aggregate giving one JSON array with an array of `columns` per row, for a correlated
 * subquery: one value per parent row instead of many rows, which the sqlite3 driver turns into
 * objects far more slowly. SQLite's JSON keeps only 15 digits of a real, so `numbers` go in as
 * text with 17 (exact again once read with Number); PostgreSQL writes exact numbers itself.
 * Read the result with `jsonValue`; the order of the arrays is not defined.
 */
export function jsonArrayOfRows(knex: Knex, columns: string[], numbers: string[] = []): Knex.Raw {
  const list = (items: string[]) => items.join(', ')
  if (isPostgres(knex))
    return knex.raw(`json_agg(json_build_array(${list(columns.map(() => '??'))}))`, columns)
  const values = columns.map((c) =>
    numbers.includes(c) ? `CASE WHEN ?? IS NULL THEN NULL ELSE printf('%!.17g', ??) END` : '??',
  )
  const bindings = columns.flatMap((c) => (numbers.includes(c) ? [c, c] : [c]))
  return knex.raw(`json_group_array(json_array(${list(values)}))`, bindings)
}

/** A JSON column's value: pg parses json itself, SQLite gives text; an aggregate of no rows is null on pg. */
export const jsonValue = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value)

/** The rows of a raw statement (a select, or a write with `returning`): pg gives `{ rows }`, sqlite3 the rows. */
export async function rawRows<Row>(knex: Knex, sql: string, bindings: Knex.RawBinding[]): Promise<Row[]> {
  const result = (await knex.raw(sql, bindings)) as Row[] | { rows: Row[] }
  return Array.isArray(result) ? result : result.rows
}

/** The tables of the database (of the current schema on PostgreSQL), by name. */
export async function tableNames(knex: Knex): Promise<string[]> {
  const rows = isPostgres(knex)
    ? await rawRows<{ name: string }>(
        knex,
        'select tablename as name from pg_tables where schemaname = current_schema() order by 1',
        [],
      )
    : await rawRows<{ name: string }>(
        knex,
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1",
        [],
      )
  return rows.map((row) => row.name)
}
