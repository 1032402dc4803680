import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import type { Database } from '../../src/config'

/** The migrated, demo-loaded SQLite file that globalSetup makes once per run. */
export const templatePath = path.join(os.tmpdir(), `cis-template-${process.env.CIS_TEST_RUN ?? 'local'}.sqlite3`)

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL?.startsWith('postgres'))

/**
 * A database for one test file: a copy of the template on SQLite (fast and isolated),
 * or the shared PostgreSQL test database (tests there create their own rows).
 */
export function testDatabase(): { database: Database; cleanup: () => void } {
  if (usingPostgres()) return { database: { client: 'pg', connectionString: process.env.DATABASE_URL! }, cleanup: () => {} }
  const file = path.join(os.tmpdir(), `cis-test-${crypto.randomUUID()}.sqlite3`)
  fs.copyFileSync(templatePath, file)
  return {
    database: { client: 'sqlite3', filename: file },
    cleanup: () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    },
  }
}
