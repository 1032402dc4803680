import http from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { expect } from 'vitest'
import type { TestApp } from './testApp'
import { buildUser } from './factories'
import { signIn } from './http'
import { startServer, type ServerProcess } from './serverProcess'

/** Sign-ins allowed per address per minute in these tests. */
export const LIMIT = 3

/** This file's app listening on 127.0.0.1, as the other instance does, so both see the same client address. */
export function listen(t: TestApp): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = http.createServer(t.app).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        baseUrl: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

/** A second app instance in a process of its own, over the database of `t`. */
export function secondInstance(t: TestApp, env: Record<string, string> = {}): Promise<ServerProcess> {
  const { database } = t.config
  return startServer('src/server.ts', {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    LOGIN_RATE_PER_MINUTE: String(LIMIT),
    DATABASE_URL: database.client === 'pg' ? database.connectionString : `sqlite:${database.filename}`,
    ...env,
  })
}

/**
 * Wrong passwords through both instances in turn up to the limit; then the right password is
 * refused on both, which only happens when they count the same attempts.
 */
export async function expectOneLimitAcross(t: TestApp, first: string, second: string): Promise<void> {
  const user = await buildUser(t.repos, { role: 'admin' })
  const statuses: number[] = []
  for (let i = 0; i < LIMIT; i++) {
    const attempt = await signIn(request.agent(i % 2 === 0 ? first : second), user.email, `guess-${i}`)
    statuses.push(attempt.status)
  }
  expect(statuses).toEqual([401, 401, 401])
  for (const baseUrl of [second, first]) {
    const refused = await signIn(request.agent(baseUrl), user.email, user.password)
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('Too many sign-in attempts from your network')
  }
}
