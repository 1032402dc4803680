import crypto from 'node:crypto'
import request from 'supertest'
import type { TestApp } from './testApp'
import { buildCity, buildUser, type BuiltUser } from './factories'
import { signIn, type Agent } from './http'
import type { NewCityRequest } from '../../src/accounts/cityRequestsRepository'

const unique = () => crypto.randomUUID().slice(0, 8)

/** Settings for account test files: many sign-ins from one address, so the per-IP limit is lifted. */
export const accountsTestEnv = { LOGIN_RATE_PER_MINUTE: '1000' }

/** A signed-in agent for a fresh user; fails loudly if sign-in does not redirect. */
export async function signedIn(t: TestApp, user: BuiltUser): Promise<Agent> {
  const agent = request.agent(t.app)
  const response = await signIn(agent, user.email, user.password)
  if (response.status !== 302) throw new Error(`Sign-in as ${user.email} failed with ${response.status}`)
  return agent
}

/** A new administrator of its own, signed in. */
export async function adminAgent(t: TestApp): Promise<{ admin: BuiltUser; agent: Agent }> {
  const admin = await buildUser(t.repos, { role: 'admin' })
  return { admin, agent: await signedIn(t, admin) }
}

/** A new officer of a new city, signed in. */
export async function officerAgent(
  t: TestApp,
): Promise<{ officer: BuiltUser; agent: Agent; cityId: number }> {
  const city = await buildCity(t.repos)
  const officer = await buildUser(t.repos, { role: 'officer', cityId: city.id })
  return { officer, agent: await signedIn(t, officer), cityId: city.id }
}

/** A pending "Add your city" request with unique names. */
export async function buildCityRequest(
  t: TestApp,
  fields: Partial<NewCityRequest> = {},
): Promise<{ id: number } & NewCityRequest> {
  const request = {
    cityName: `Requestville ${unique()}`,
    country: 'Netherlands',
    contactName: 'Ria Requester',
    email: `requester-${unique()}@example.test`,
    contactRole: 'Chief Innovation Officer',
    ...fields,
  }
  return { id: await t.repos.cityRequests.create(request), ...request }
}

/** The set-password token shown on a link page. */
export function linkTokenFrom(html: string): string {
  const match = /\/set-password\/([A-Za-z0-9_-]{43})/.exec(html)
  if (!match) throw new Error('No set-password link on the page')
  return match[1]
}

/** Audit rows about a subject, oldest first. */
export async function auditTypes(t: TestApp, where: Record<string, unknown>): Promise<string[]> {
  return (await t.knex('audit_log').where(where).orderBy('id')).map((row: { type: string }) => row.type)
}

type StoredSession = { passport?: { user?: { id?: number } } }

/** The user id a stored session is signed in as (the session keeps the user as an object). */
export const sessionUserId = (sess: string | StoredSession): number | undefined =>
  (typeof sess === 'string' ? (JSON.parse(sess) as StoredSession) : sess)?.passport?.user?.id

/** The session ids a user is signed in with. */
export async function sessionCountFor(t: TestApp, userId: number): Promise<number> {
  const rows: Array<{ sess: string | StoredSession }> = await t.knex('sessions').select('sess')
  return rows.filter((row) => sessionUserId(row.sess) === userId).length
}
