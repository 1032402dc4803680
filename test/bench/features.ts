import type { Knex } from 'knex'
import { loadConfig } from '../../src/config'
import { dataAccess } from '../../src/dataAccess'
import { services } from '../../src/services'

interface Regeneration {
  regenerateEdition(editionId: number): Promise<unknown>
  regeneratePublished(): Promise<unknown>
}

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
 * Profile regeneration, while it is being built on another branch: the harness keeps
 * working (and prints n/a) until `services.profiles.regeneration` exists.
 */
export function regeneration(knex: Knex): Regeneration | undefined {
  const all = benchServices(knex) as unknown as { profiles?: { regeneration?: Regeneration } }
  return all.profiles?.regeneration
}

/** Regenerates every published edition's profiles, so public pages have snapshots to serve. */
export async function regenerateAll(knex: Knex): Promise<void> {
  await regeneration(knex)?.regeneratePublished()
}
