import type { Knex } from 'knex'

/** Runs every pending migration; safe to repeat. */
export async function migrateLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest()) as [number, string[]]
  return applied
}

/** Rolls every migration back (tests prove each `down`). */
export async function migrateDownAll(knex: Knex): Promise<void> {
  await knex.migrate.rollback(undefined, true)
}
