import type { Knex } from 'knex'
import { loadConfig } from '../../src/config'
import { dataAccess } from '../../src/dataAccess'
import { services } from '../../src/services'

type Regenerate = (editionId: number) => Promise<unknown>

/** The services the app would build over this database, in production mode. */
export function benchServices(knex: Knex) {
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'bench-session-secret-not-for-real-use',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
  })
  return services(config, dataAccess(knex))
}

/**
 * Profile regeneration, while it is being built elsewhere: the harness keeps working
 * (and prints n/a) until `services.profiles.regenerateEdition` exists.
 */
export function regenerator(knex: Knex): Regenerate | undefined {
  const all = benchServices(knex) as unknown as Record<string, { regenerateEdition?: Regenerate } | undefined>
  const profiles = all.profiles
  return profiles?.regenerateEdition ? (id) => profiles.regenerateEdition!(id) : undefined
}

/** Regenerates every published edition's profiles, so public pages have snapshots to serve. */
export async function regenerateAll(knex: Knex): Promise<void> {
  const regenerate = regenerator(knex)
  if (!regenerate) return
  for (const edition of await dataAccess(knex).editions.list()) {
    if (edition.status === 'published') await regenerate(edition.id)
  }
}
