import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { databaseStores } from '../../src/rateLimit/rateLimitStores'
import { LIMIT, expectOneLimitAcross, listen, secondInstance } from '../support/sharedLimit'
import type { ServerProcess } from '../support/serverProcess'

// The limiter counts in the database under the names the server uses, so this app and the second
// instance (a process of its own, as in production) share their counts.
const t = testApp({ LOGIN_RATE_PER_MINUTE: String(LIMIT) }, { rateLimits: (knex) => databaseStores(knex) })
let first: Awaited<ReturnType<typeof listen>>
let second: ServerProcess

beforeAll(async () => {
  await t.knex('rate_limit_hits').delete()
  first = await listen(t)
  second = await secondInstance(t)
})
afterAll(async () => {
  await second?.stop()
  await first?.close()
  await t.knex('rate_limit_hits').delete()
  await t.close()
})

describe('sign-in rate limit across instances (database)', () => {
  it('when sign-ins from one address go to two instances over one database, then the limit counts them together', async () => {
    await expectOneLimitAcross(t, first.baseUrl, second.baseUrl)
    const rows = await t.knex('rate_limit_hits').where('client_key', 'like', 'login:%')
    expect(rows.map((row) => Number(row.hits))).toEqual([LIMIT + 2])
  })
})
