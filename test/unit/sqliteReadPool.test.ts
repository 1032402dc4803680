import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import sqlite3 from 'sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKnex, createReadKnex, type Knex } from '../../src/db/knex'
import type { Database } from '../../src/config'

const file = path.join(os.tmpdir(), `cis-readpool-${crypto.randomUUID()}.sqlite3`)
const database: Database = { client: 'sqlite3', filename: file }
let writer: Knex
let reads: Knex

beforeAll(async () => {
  writer = createKnex(database)
  reads = createReadKnex(database, writer)
  await writer.schema.createTable('notes', (t) => {
    t.increments('id')
    t.string('text')
  })
  await writer('notes').insert({ text: 'saved' })
})

afterAll(async () => {
  await reads.destroy()
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

describe('SQLite: one writer beginning IMMEDIATE, and a read pool beside it', () => {
  it('holds the write lock from the start of a transaction, before its first write', async () => {
    const outcome = await writer.transaction(async (trx) => {
      // Only a read so far: a plain BEGIN would not hold the lock yet.
      await trx('notes').select('id')
      return takeWriteLockElsewhere()
    })
    expect(outcome).toBe('SQLITE_BUSY')
    expect(await takeWriteLockElsewhere()).toBe('taken')
  })

  it('reads the last committed state, never a save half-written', async () => {
    let seenDuring: string[] = []
    await writer.transaction(async (trx) => {
      await trx('notes').update({ text: 'half' })
      seenDuring = (await reads('notes').pluck('text')) as string[]
      await trx('notes').update({ text: 'whole' })
    })
    expect(seenDuring).toEqual(['saved'])
    expect(await reads('notes').pluck('text')).toEqual(['whole'])
  })

  it('refuses to write through the read pool', async () => {
    await expect(reads('notes').insert({ text: 'sneaked' })).rejects.toThrow(/readonly|read-only/i)
    expect(await writer('notes').pluck('text')).toEqual(['whole'])
  })

  it('is a pool of its own on a file, and the writer itself for an in-memory database', async () => {
    expect(reads).not.toBe(writer)
    const memory = createKnex({ client: 'sqlite3', filename: ':memory:' })
    try {
      expect(createReadKnex({ client: 'sqlite3', filename: ':memory:' }, memory)).toBe(memory)
    } finally {
      await memory.destroy()
    }
  })
})
