import type { Store } from 'express-rate-limit'
import type { Knex } from 'knex'
import { Redis } from 'ioredis'
import { RedisStore, type RedisReply } from 'rate-limit-redis'
import { DatabaseStore } from './databaseStore'

/**
 * Where the rate limiters count, shared by every app process: the database by default, Redis when
 * REDIS_URL is set. Each limiter gets a store of its own (express-rate-limit refuses a shared one),
 * with its name as the prefix of its keys.
 */
export interface RateLimitStores {
  kind: 'database' | 'redis'
  storeFor(limiter: string): Store
  close(): Promise<void>
}

/** `namespace` keeps apart apps that share a database but must not share counts (test files). */
export function databaseStores(knex: Knex, namespace = ''): RateLimitStores {
  return {
    kind: 'database',
    storeFor: (limiter) => new DatabaseStore(knex, `${namespace}${limiter}:`),
    close: async () => {},
  }
}

export function redisStores(url: string): RateLimitStores {
  // Without a reachable Redis a command fails within a second instead of waiting for a reconnection,
  // so a sign-in is never held up by the limiter (which then lets the attempt through: see loginRoutes).
  const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 1_000 })
  client.on('error', () => {}) // Reported per command, through the limiter; not once a reconnection.
  return {
    kind: 'redis',
    storeFor: (limiter) =>
      new RedisStore({
        prefix: `cis:rl:${limiter}:`,
        sendCommand: (command: string, ...args: string[]) =>
          client.call(command, ...args) as Promise<RedisReply>,
      }),
    close: async () => {
      await client.quit().catch(() => client.disconnect())
    },
  }
}

export const rateLimitStores = (redisUrl: string | undefined, knex: Knex): RateLimitStores =>
  redisUrl ? redisStores(redisUrl) : databaseStores(knex)
