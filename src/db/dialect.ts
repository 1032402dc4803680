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
