import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import knexFactory from 'knex'
import { inject } from 'vitest'
import type { Database } from '../../src/config'
import { createKnex } from '../../src/db/knex'
import { migrateLatest } from '../../src/db/migrate'

export interface OwnDatabase {
  database: Database
  cleanup: () => Promise<void>
}

/**
 * A migrated database with nothing in it (no demo data, no editions, no cities): a deployment
 * on its first day. On SQLite a new file; on PostgreSQL a database of its own on the run's
 * server, dropped afterwards, so the shared one's demo data and other files' rows never show.
 */
export async function emptyDatabase(): Promise<OwnDatabase> {
  const postgresUrl = inject('postgresUrl')
  if (postgresUrl) return emptyPostgres(postgresUrl)
  const file = path.join(os.tmpdir(), `cis-empty-${crypto.randomUUID()}.sqlite3`)
  const database: Database = { client: 'sqlite3', filename: file }
  const knex = createKnex(database)
  try {
    await migrateLatest(knex)
  } finally {
    await knex.destroy()
  }
  return {
    database,
    cleanup: async () => {
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
    },
  }
}

async function emptyPostgres(runUrl: string): Promise<OwnDatabase> {
  const name = `cis_empty_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  const server = knexFactory({ client: 'pg', connection: runUrl })
  await server.raw(`create database ${name}`)
  const url = new URL(runUrl)
  url.pathname = `/${name}`
  const database: Database = { client: 'pg', connectionString: url.toString() }
  const knex = createKnex(database)
  try {
    await migrateLatest(knex)
  } finally {
    await knex.destroy()
  }
  return {
    database,
    cleanup: async () => {
      await server.raw(`drop database if exists ${name} with (force)`)
      await server.destroy()
    },
  }
}
