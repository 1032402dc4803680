import crypto from 'node:crypto'
import type { Express } from 'express'
import type { Knex } from 'knex'
import { loadConfig, type Config, type Database } from '../../src/config'
import { createKnex } from '../../src/db/knex'
import { repositories, type Repositories } from '../../src/wiring/repositories'
import { services as buildServices, type Services } from '../../src/wiring/services'
import { createApp } from '../../src/app'
import { testDatabase } from './testDatabase'
import { emptyDatabase } from './emptyDatabase'
import { databaseStores, type RateLimitStores } from '../../src/rateLimit/rateLimitStores'

export const DEMO_PASSWORD = 'demo-password'

export interface TestApp {
  app: Express
  knex: Knex
  repos: Repositories
  services: Services
  config: Config
  close: () => Promise<void>
}

export interface TestAppOptions {
  /**
   * Where the rate limiters count. By default in the database under a name of this app's own: the
   * files of a PostgreSQL run share one database, and one file's sign-ins must not use up another's.
   */
  rateLimits?: (knex: Knex) => RateLimitStores
  /** A database of the test's own instead of a copy of the demo-loaded one (see emptyDatabase). */
  database?: { database: Database; cleanup: () => void | Promise<void> }
}

/** The real app over a real database, built per test file. Environment overrides go in `env`. */
export function testApp(env: Record<string, string> = {}, options: TestAppOptions = {}): TestApp {
  const { database, cleanup } = options.database ?? testDatabase()
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...env }),
    database,
  }
  const knex = createKnex(database)
  const repos = repositories(knex)
  const services = buildServices(config, repos)
  const rateLimits = (options.rateLimits ?? ((k) => databaseStores(k, `${crypto.randomUUID()}:`)))(knex)
  const app = createApp({ config, knex, services, rateLimits })
  return {
    app,
    knex,
    repos,
    services,
    config,
    close: async () => {
      await rateLimits.close()
      await knex.destroy()
      await cleanup()
    },
  }
}

/** The real app over a migrated database with no demo data, no editions and no cities (a first day's deployment). */
export async function emptyTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  return testApp(env, { database: await emptyDatabase() })
}
