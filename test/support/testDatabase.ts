import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { inject } from 'vitest'
import type { Database } from '../../src/config'

/** The migrated, demo-loaded SQLite file that globalSetup makes once per run. */
// Keyed by checkout folder, so runs in different worktrees never share a template.
const checkout = crypto.createHash('sha1').update(process.cwd()).digest('hex').slice(0, 10)
export const templatePath = path.join(os.tmpdir(), `cis-template-${checkout}.sqlite3`)

/**
 * A database for one test file: a copy of the template on SQLite (fast and isolated),
 * or this run's PostgreSQL database, shared by the run's files (tests there create their own rows).
 */
export function testDatabase(): { database: Database; cleanup: () => void } {
  const postgresUrl = inject('postgresUrl')
  if (postgresUrl) return { database: { client: 'pg', connectionString: postgresUrl }, cleanup: () => {} }
  const file = path.join(os.tmpdir(), `cis-test-${crypto.randomUUID()}.sqlite3`)
  fs.copyFileSync(templatePath, file)
  return {
    database: { client: 'sqlite3', filename: file },
    cleanup: () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    },
  }
}
