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
 * An aggregate that gathers each group's values of `columns` into one JSON array of arrays, so
 * a group of many rows crosses the driver as one value (SQLite's json_group_array, PostgreSQL's
 * json_agg). The order within a group is not defined; sort after reading.
 */
export function jsonArrayAgg(knex: Knex, columns: string[], alias: string): Knex.Raw {
  const list = columns.map(() => '??').join(', ')
  return isPostgres(knex)
    ? knex.raw(`json_agg(json_build_array(${list})) as ??`, [...columns, alias])
    : knex.raw(`json_group_array(json_array(${list})) as ??`, [...columns, alias])
}
