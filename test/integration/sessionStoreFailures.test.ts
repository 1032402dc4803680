import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { accountsTestEnv, officerAgent } from '../support/accountsFactories'

const t = testApp(accountsTestEnv)
afterAll(() => t.close())
const postgres = t.config.database.client === 'pg'

// An unhandled rejection used to end the process; here it would only be reported, so collect it.
const unhandled: unknown[] = []
const collect = (reason: unknown) => unhandled.push(reason)
beforeEach(() => {
  unhandled.length = 0
  process.on('unhandledRejection', collect)
})
afterEach(() => {
  process.off('unhandledRejection', collect)
})

/** Lets any rejection of the last requests surface before we count them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100))

describe('session store failures', () => {
  it('when the sessions table is unavailable, then a signed-in request gets our 503 page, and once it is back the session works again', async () => {
    const { agent } = await officerAgent(t)
    expect((await agent.get('/account')).status).toBe(200)
    await t.knex.schema.renameTable('sessions', 'sessions_away')
    try {
      const refused = await agent.get('/account')
      expect(refused.status).toBe(503)
      expect(refused.text).toContain('Sorry, the service is unavailable')
      expect(refused.text).toContain('Try again in a few minutes')
      // A visitor without a session starts one (the login form's CSRF token): no crash either.
      expect((await request(t.app).get('/login')).status).toBeLessThan(500)
      await settle()
    } finally {
      await t.knex.schema.renameTable('sessions_away', 'sessions')
    }
    expect(unhandled).toEqual([])
    expect((await agent.get('/account')).status).toBe(200)
  })

  it.runIf(postgres)(
    'when PostgreSQL ends the app’s connections under load, then the process lives and answers afterwards',
    async () => {
      const officers = await Promise.all(Array.from({ length: 4 }, () => officerAgent(t)))
      const terminate = () =>
        t.knex.raw(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        )
      const statuses: number[] = []
      const load = async (worker: number) => {
        for (let i = 0; i < 25; i += 1) {
          const response =
            i % 3 === 0
              ? await request(t.app).get('/login')
              : await officers[worker % officers.length].agent.get('/account')
          statuses.push(response.status)
        }
      }
      const killing = (async () => {
        for (let round = 0; round < 6; round += 1) {
          await new Promise((resolve) => setTimeout(resolve, 40))
          await terminate().catch(() => undefined)
        }
      })()
      await Promise.all([...Array.from({ length: 12 }, (_, worker) => load(worker)), killing])
      await settle()
      expect(unhandled).toEqual([])
      // Every request got an answer: 503 where the session store failed, our 500 page where a
      // page's own query did.
      expect(statuses).toHaveLength(12 * 25)
      expect(statuses.filter((status) => ![200, 500, 503].includes(status))).toEqual([])
      for (const { agent } of officers) expect((await agent.get('/account')).status).toBe(200)
    },
  )
})
