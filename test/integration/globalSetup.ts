import fs from 'node:fs'
import crypto from 'node:crypto'
import { createKnex } from '../../src/db/knex'
import { migrateDownAll, migrateLatest } from '../../src/db/migrate'
import { ensureDemoData } from '../../src/cli/demo/loadDemoData'
import { DEMO_PASSWORD } from '../support/testApp'

/** Migrates and loads the demo data once; each test file then starts from a copy (or the shared PostgreSQL). */
export default async function setup(): Promise<() => void> {
  process.env.CIS_TEST_RUN ??= crypto.randomUUID()
  const { templatePath, usingPostgres } = await import('../support/testDatabase')
  const database = usingPostgres()
    ? { client: 'pg' as const, connectionString: process.env.DATABASE_URL! }
    : { client: 'sqlite3' as const, filename: templatePath }
  if (!usingPostgres()) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(templatePath + suffix, { force: true })
  const knex = createKnex(database)
  try {
    if (usingPostgres()) {
      // Start from nothing, proving every migration's down as well as its up.
      await migrateLatest(knex)
      await migrateDownAll(knex)
    }
    await migrateLatest(knex)
    await ensureDemoData(knex, DEMO_PASSWORD)
    if (!usingPostgres()) await knex.raw('PRAGMA wal_checkpoint(TRUNCATE)')
  } finally {
    await knex.destroy()
  }
  return () => {
    if (!usingPostgres()) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(templatePath + suffix, { force: true })
  }
}
