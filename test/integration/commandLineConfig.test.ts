import { afterAll, describe, expect, it } from 'vitest'
import { testDatabase } from '../support/testDatabase'
import { runTs } from '../support/childProcess'
import type { Database } from '../../src/config'

const { database, cleanup } = testDatabase()
afterAll(() => cleanup())

const databaseUrl = (db: Database): string =>
  db.client === 'pg' ? db.connectionString : `sqlite:${db.filename}`

describe('command-line tools in production', () => {
  it('when only NODE_ENV=production and DATABASE_URL are set, then profiles:regenerate rebuilds the year', async () => {
    const result = await runTs('src/cli/regenerateProfiles.ts', ['--year', '2020'], {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl(database),
    })
    expect(result.stderr).not.toMatch(/SESSION_SECRET|PUBLIC_BASE_URL/)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^2020: \d+ profiles compared with \d+ cities/m)
  })

  it('when only NODE_ENV=production and DATABASE_URL are set, then migrate:latest runs', async () => {
    const result = await runTs('src/cli/migrate.ts', ['latest'], {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl(database),
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Already up to date.')
  })
})
