import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import sqlite3 from 'sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKnex, type Knex } from '../../src/db/knex'
import type { Database } from '../../src/config'

const file = path.join(os.tmpdir(), `cis-immediate-${crypto.randomUUID()}.sqlite3`)
const database: Database = { client: 'sqlite3', filename: file }
let writer: Knex

beforeAll(async () => {
  writer = createKnex(database)
  await writer.schema.createTable('notes', (t) => {
    t.increments('id')
    t.string('text')
  })
  await writer('notes').insert({ text: 'saved' })
})

afterAll(async () => {
  await writer.destroy()
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
})

/** Another process's connection, with no busy timeout: it is refused at once if the lock is held. */
function takeWriteLockElsewhere(): Promise<string> {
  return new Promise((resolve) => {
    const other = new sqlite3.Database(file)
    other.exec('BEGIN IMMEDIATE', (error) => {
      const outcome = error ? ((error as Error & { code?: string }).code ?? error.message) : 'taken'
      other.exec(error ? 'SELECT 1' : 'ROLLBACK', () => other.close(() => resolve(outcome)))
    })
  })
}

describe('SQLite: transactions begin IMMEDIATE', () => {
  it('holds the write lock from the start of a transaction, before its first write', async () => {
    const outcome = await writer.transaction(async (trx) => {
      // Only a read so far: a plain BEGIN would not hold the lock yet.
      await trx('notes').select('id')
      return takeWriteLockElsewhere()
    })
    expect(outcome).toBe('SQLITE_BUSY')
    expect(await takeWriteLockElsewhere()).toBe('taken')
  })
})
