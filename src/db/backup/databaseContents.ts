import type { Knex } from 'knex'
import { tableNames } from '../dialect'

/** knex's own bookkeeping: a database with only these (or nothing) holds no data of the app's. */
const BOOKKEEPING = new Set(['knex_migrations', 'knex_migrations_lock'])

/** The app's tables that hold at least one row: none means the database may be restored into. */
export async function tablesWithRows(knex: Knex): Promise<string[]> {
  const filled: string[] = []
  for (const table of await tableNames(knex)) {
    if (BOOKKEEPING.has(table)) continue
    if (await knex(table).first(knex.raw('1 as found'))) filled.push(table)
  }
  return filled
}
