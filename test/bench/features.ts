import type { Knex } from 'knex'
import { loadConfig } from '../../src/config'
import { repositories } from '../../src/wiring/repositories'
import { services } from '../../src/wiring/services'

/** The services the app would build over this database, in production mode. */
export function benchServices(knex: Knex) {
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'bench-session-secret-not-for-real-use',
    PUBLIC_BASE_URL: 'http://127.0.0.1',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
  })
  return services(config, repositories(knex))
}

/** Profile regeneration as the app runs it (aggregates and every snapshot of an edition). */
export const regeneration = (knex: Knex) => benchServices(knex).profiles.regeneration

/** Regenerates every published edition's profiles, so public pages have snapshots to serve. */
export async function regenerateAll(knex: Knex): Promise<void> {
  await regeneration(knex).regeneratePublished()
}
