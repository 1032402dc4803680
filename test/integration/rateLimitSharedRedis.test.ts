import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { redisStores } from '../../src/rateLimit/rateLimitStores'
import { LIMIT, expectOneLimitAcross, listen, secondInstance } from '../support/sharedLimit'
import type { ServerProcess } from '../support/serverProcess'

// CI starts Redis and sets TEST_REDIS_URL (.ci/run), and then a Redis out of reach fails the file.
// Without TEST_REDIS_URL and no Redis at the usual address, this file's test is skipped, saying so.
const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

async function reachable(url: string): Promise<boolean> {
  const probe = new Redis(url, { maxRetriesPerRequest: 0, connectTimeout: 1_000, lazyConnect: true })
  probe.on('error', () => {})
  try {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  } catch {
    return false
  } finally {
    probe.disconnect()
  }
}

const hasRedis = await reachable(redisUrl)
if (!hasRedis && process.env.TEST_REDIS_URL)
  throw new Error(`TEST_REDIS_URL is set but ${redisUrl} does not answer`)
if (!hasRedis) console.warn(`Skipped: no Redis at ${redisUrl} (set TEST_REDIS_URL to require one)`)

/** Forgets every sign-in count of the limiters, so earlier runs within the minute do not count. */
async function forgetLoginCounts(): Promise<void> {
  const redis = new Redis(redisUrl)
  const keys = await redis.keys('cis:rl:login:*')
  if (keys.length > 0) await redis.del(...keys)
  await redis.quit()
}

const t = testApp({ LOGIN_RATE_PER_MINUTE: String(LIMIT) }, { rateLimits: () => redisStores(redisUrl) })
let first: Awaited<ReturnType<typeof listen>>
let second: ServerProcess | undefined

beforeAll(async () => {
  if (!hasRedis) return
  await forgetLoginCounts()
  first = await listen(t)
  second = await secondInstance(t, { REDIS_URL: redisUrl })
})
afterAll(async () => {
  await second?.stop()
  await first?.close()
  if (hasRedis) await forgetLoginCounts()
  await t.close()
})

describe('sign-in rate limit across instances (Redis)', () => {
  it.skipIf(!hasRedis)(
    'when sign-ins from one address go to two instances sharing REDIS_URL, then the limit counts them together, in Redis and not in the database',
    async () => {
      await expectOneLimitAcross(t, first.baseUrl, second!.baseUrl)
      const redis = new Redis(redisUrl)
      const keys = await redis.keys('cis:rl:login:*')
      const hits = await Promise.all(keys.map((key) => redis.get(key)))
      await redis.quit()
      expect(hits.map(Number)).toEqual([LIMIT + 2])
      expect(await t.knex('rate_limit_hits').where('client_key', 'like', 'login:%')).toEqual([])
    },
  )
})
