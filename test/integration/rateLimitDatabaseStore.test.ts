import crypto from 'node:crypto'
import type { Options } from 'express-rate-limit'
import { afterAll, describe, expect, it } from 'vitest'
import { createKnex } from '../../src/db/knex'
import { DatabaseStore } from '../../src/rateLimit/databaseStore'
import { testDatabase } from '../support/testDatabase'

const { database, cleanup } = testDatabase()
const knex = createKnex(database)
afterAll(async () => {
  await knex.destroy()
  cleanup()
})

const storeWithWindow = (windowMs: number) => {
  const store = new DatabaseStore(knex, `store-test-${crypto.randomUUID()}:`)
  store.init({ windowMs } as Options)
  return store
}
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the database store of the rate limiters', () => {
  it('when 30 increments of one key run at once, then each gets a different count and the last is 30', async () => {
    const store = storeWithWindow(60_000)
    const counts = await Promise.all(Array.from({ length: 30 }, () => store.increment('1.2.3.4')))
    expect(counts.map((c) => c.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    )
    expect((await store.get('1.2.3.4'))?.totalHits).toBe(30)
    expect((await store.get('5.6.7.8'))?.totalHits).toBeUndefined()
  })

  it('when the window has passed, then counting starts again at 1 with a new reset time', async () => {
    const store = storeWithWindow(300)
    const first = await store.increment('a')
    await store.increment('a')
    expect((await store.increment('a')).totalHits).toBe(3)
    await wait(350)
    expect(await store.get('a')).toBeUndefined()
    const fresh = await store.increment('a')
    expect(fresh.totalHits).toBe(1)
    expect(fresh.resetTime!.getTime()).toBeGreaterThan(first.resetTime!.getTime())
  })

  it('when a hit is taken back or a key reset, then the count goes down or starts again; other limiters keep theirs', async () => {
    const store = storeWithWindow(60_000)
    const other = storeWithWindow(60_000)
    await store.increment('b')
    await store.increment('b')
    await other.increment('b')
    await store.decrement('b')
    expect((await store.get('b'))?.totalHits).toBe(1)
    await store.resetKey('b')
    expect(await store.get('b')).toBeUndefined()
    expect((await other.get('b'))?.totalHits).toBe(1)
  })
})
