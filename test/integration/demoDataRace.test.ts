import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import knexFactory from 'knex'
import { afterAll, describe, expect, it } from 'vitest'
import { inject } from 'vitest'
import type { Database } from '../../src/config'
import { createKnex, type Knex } from '../../src/db/knex'
import { migrateLatest } from '../../src/db/migrate'
import { ensureDemoData } from '../../src/cli/demo/loadDemoData'
import { demoCities } from '../../src/cli/demo/demoData'

/**
 * A database of this file's own, empty and migrated: on PostgreSQL a new database on the run's
 * server, on SQLite a new file.
 */
async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const postgresUrl = inject('postgresUrl')
  if (!postgresUrl) {
    const file = path.join(os.tmpdir(), `cis-demo-race-${crypto.randomUUID()}.sqlite3`)
    return {
      database: { client: 'sqlite3', filename: file },
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
      },
    }
  }
  const name = `cis_demo_race_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  const admin = knexFactory({ client: 'pg', connection: postgresUrl })
  await admin.raw(`create database ${name}`)
  const url = new URL(postgresUrl)
  url.pathname = `/${name}`
  return {
    database: { client: 'pg', connectionString: url.toString() },
    drop: async () => {
      await admin.raw(`drop database if exists ${name} with (force)`)
      await admin.destroy()
    },
  }
}

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

const count = async (knex: Knex, table: string, where: Record<string, unknown> = {}) =>
  Number((await knex(table).where(where).count({ n: '*' }))[0].n)

const postgres = Boolean(inject('postgresUrl'))

describe('instances started at once on an empty database', () => {
  it.runIf(postgres)(
    'when two instances migrate at once, then both succeed and each migration runs once',
    async () => {
      const { database, drop } = await freshDatabase()
      cleanups.push(drop)
      const [first, second] = [createKnex(database), createKnex(database)]
      cleanups.push(async () => {
        await first.destroy()
        await second.destroy()
      })
      const [a, b] = await Promise.all([migrateLatest(first), migrateLatest(second)])
      expect([...a, ...b].sort()).toEqual(
        (await first('knex_migrations').select('name')).map((row) => row.name).sort(),
      )
      expect(await count(first, 'knex_migrations_lock')).toBe(1)
    },
  )

  it('when two instances load the demo data at once, then both succeed and the data exists once', async () => {
    const { database, drop } = await freshDatabase()
    cleanups.push(drop)
    const first = createKnex(database)
    const second = createKnex(database)
    cleanups.push(async () => {
      await first.destroy()
      await second.destroy()
    })
    await migrateLatest(first)

    const [a, b] = await Promise.all([
      ensureDemoData(first, 'demo-password'),
      ensureDemoData(second, 'demo-password'),
    ])
    expect(b).toEqual(a)

    const years = (await first('editions').orderBy('year').select('year')).map((row) => row.year)
    expect(years).toEqual([2018, 2020, 2026])
    expect(await count(first, 'cities')).toBe(demoCities.length)
    expect(await count(first, 'users', { is_demo: true })).toBe(a.length)
    // 2018 in English; 2020 in English and Spanish (its translation is complete).
    expect(await count(first, 'edition_aggregates')).toBe(3)
    expect(await count(first, 'job_locks')).toBe(0)
  })
})
