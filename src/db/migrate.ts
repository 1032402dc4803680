import type { Knex } from 'knex'
import { isPostgres } from './dialect'

/** Any fixed number, the same in every process: PostgreSQL's advisory locks are named by one. */
const MIGRATION_LOCK_KEY = 7_351_220_013

/**
 * Runs every pending migration; safe to repeat, and on PostgreSQL safe to race: instances started
 * at once on an empty database would each create knex's own tables (one failing on a duplicate
 * type, or leaving two lock rows that refuse every later migration). A transaction-scoped advisory
 * lock lets one process migrate while the others wait, then find nothing to do. (On SQLite, one
 * instance serves each file.)
 */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  if (!isPostgres(knex)) return latest(knex)
  // The lock holds one connection while the migrations run on others of the pool.
  return knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY])
    return latest(knex)
  })
}

async function latest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest()) as [number, string[]]
  return applied
}

/** Rolls every migration back (tests prove each `down`). */
export async function migrateDownAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback(undefined, true)
}
