import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { csrfToken, signIn } from '../support/http'
import { SIGN_IN_MESSAGES } from '../../src/accounts/authService'
import { setUpSession } from '../../src/middleware/setUpSession'
import { underMutationTesting } from '../support/mutationTesting'

const t = testApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '0.02' })
afterAll(() => t.close())

const sessionCookie = (response: request.Response) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('cis.sid='))
    ?.split(';')[0]

/** The session id in a `cis.sid=s%3A<id>.<signature>` cookie. */
const sidOf = (cookie: string) => decodeURIComponent(cookie.split('=')[1]).slice(2).split('.')[0]

/** Changes a stored session as `edit` says (sqlite3 stores its JSON as text, pg as json). */
interface StoredSession {
  passport: { user: unknown }
  userCheckedAt: number
}

async function editStoredSession(sid: string, edit: (sess: StoredSession) => void) {
  const row = await t.knex('sessions').where({ sid }).first()
  const sess = typeof row.sess === 'string' ? JSON.parse(row.sess) : row.sess
  edit(sess)
  await t
    .knex('sessions')
    .where({ sid })
    .update({ sess: JSON.stringify(sess) })
}

const escaped = (text: string) => text.replaceAll("'", '&#39;')

describe('signing in', () => {
  it('when the password is wrong or the email unknown, then both get the same message', async () => {
    const city = await buildCity(t.repos)
    const user = await buildUser(t.repos, { cityId: city.id })
    const wrong = await signIn(request.agent(t.app), user.email, 'not-the-password')
    const unknown = await signIn(request.agent(t.app), 'nobody@example.test', 'whatever-password')
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401)
      expect(response.text).toContain(SIGN_IN_MESSAGES.invalid)
      expect(response.text).toContain('<title>Error: Sign in')
    }
  })

  it('when sign-in succeeds, then the session id changes and the session is in the database', async () => {
    const city = await buildCity(t.repos)
    const user = await buildUser(t.repos, { cityId: city.id })
    const agent = request.agent(t.app)
    const loginPage = await agent.get('/login')
    const before = sessionCookie(loginPage)
    const response = await signIn(agent, user.email, user.password)
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/survey')
    const after = sessionCookie(response)
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
    const sid = sidOf(after!)
    expect(await t.knex('sessions').where({ sid }).first()).toBeDefined()
  })

  it('when a signed-in user signs out, then the session is gone from the store and a page says they have signed out', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const agent = request.agent(t.app)
    const response = await signIn(agent, admin.email, admin.password)
    const sid = sidOf(sessionCookie(response)!)
    const token = await csrfToken(agent, '/')
    const logout = await agent.post('/logout').type('form').send({ _csrf: token })
    expect(logout.status).toBe(302)
    expect(logout.headers.location).toBe('/signed-out')
    expect(await t.knex('sessions').where({ sid }).first()).toBeUndefined()
    const page = await agent.get('/signed-out')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<h1 class="govuk-heading-l">You have signed out</h1>')
    expect(page.text).toContain('href="/login">Sign in again</a>')
    expect(page.text).not.toContain('>Sign out</button>')
  })

  it('when a session keeps only the user id (signed in before the user was kept in it), then it still works and ends with the account', async () => {
    const city = await buildCity(t.repos)
    const user = await buildUser(t.repos, { cityId: city.id })
    const agent = request.agent(t.app)
    const response = await signIn(agent, user.email, user.password)
    const sid = sidOf(sessionCookie(response)!)
    await editStoredSession(sid, (sess) => {
      expect(sess.passport.user).toMatchObject({ id: user.id, role: 'officer', cityId: city.id })
      sess.passport.user = user.id
    })

    expect((await agent.get('/account')).text).toContain(user.email)
    expect(await t.repos.sessions.deleteForUser(user.id)).toBe(1)
    const after = await agent.get('/account')
    expect(after.status).toBe(302)
    expect(after.headers.location).toBe('/login')
  })

  it('when an account is disabled but its session survives (written back by a request in flight), then the session ends at the next check', async () => {
    const city = await buildCity(t.repos)
    const user = await buildUser(t.repos, { cityId: city.id })
    const agent = request.agent(t.app)
    const response = await signIn(agent, user.email, user.password)
    const sid = sidOf(sessionCookie(response)!)
    expect((await agent.get('/account')).text).toContain(user.email)
    // Disabled without its sessions deleted: what a session written back after the delete looks like.
    await t.knex('users').where({ id: user.id }).update({ disabled_at: new Date().toISOString() })
    expect((await agent.get('/account')).text).toContain(user.email) // checked less than a minute ago
    await editStoredSession(sid, (sess) => {
      expect(typeof sess.userCheckedAt).toBe('number')
      sess.userCheckedAt -= 61_000
    })
    const after = await agent.get('/account')
    expect(after.status).toBe(302)
    expect(after.headers.location).toBe('/login')
  })

  it('when sessions are past their expiry, then the session store deletes them and keeps live ones', async () => {
    const row = (sid: string, expired: Date) => ({
      sid,
      sess: JSON.stringify({ cookie: {} }),
      expired: expired.toISOString(),
    })
    await t
      .knex('sessions')
      .insert([
        row('expired-session-for-cleanup', new Date(Date.now() - 60_000)),
        row('live-session-for-cleanup', new Date(Date.now() + 60 * 60_000)),
      ])
    setUpSession(t.config, t.knex) // a new store cleans up when it starts, then every 15 minutes
    const left = async () =>
      (
        await t.knex('sessions').whereIn('sid', ['expired-session-for-cleanup', 'live-session-for-cleanup'])
      ).map((r: { sid: string }) => r.sid)
    for (let i = 0; i < 50 && (await left()).length > 1; i++) await new Promise((r) => setTimeout(r, 50))
    expect(await left()).toEqual(['live-session-for-cleanup'])
  })

  it('when a form is posted without its CSRF token, then it is refused', async () => {
    const agent = request.agent(t.app)
    await agent.get('/login')
    const response = await agent.post('/login').type('form').send({ email: 'a@b.c', password: 'x' })
    expect(response.status).toBe(403)
    expect(response.text).toContain('Your form could not be checked')
  })

  it('when a signed-in user posts a stale token, then the refusal is our own page, without a stack trace', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const agent = request.agent(t.app)
    await signIn(agent, admin.email, admin.password)
    const response = await agent.post('/logout').type('form').send({ _csrf: 'stale-token' })
    expect(response.status).toBe(403)
    expect(response.text).toContain('Your form could not be checked')
    expect(response.text).toContain('Sign out')
    expect(response.text).not.toMatch(/ReferenceError|node_modules/)
  })

  it('when the account is disabled, then the right password is refused with its own message', async () => {
    const user = await buildUser(t.repos, { role: 'admin' })
    await t.repos.users.setDisabled(user.id, true)
    const response = await signIn(request.agent(t.app), user.email, user.password)
    expect(response.status).toBe(401)
    expect(response.text).toContain(escaped(SIGN_IN_MESSAGES.disabled))
    const wrong = await signIn(request.agent(t.app), user.email, 'wrong-password')
    expect(wrong.text).toContain(SIGN_IN_MESSAGES.invalid)
  })

  it('when too many attempts fail, then the account locks, refuses even the right password, and unlocks later', async () => {
    const user = await buildUser(t.repos, { role: 'admin' })
    for (let i = 0; i < 2; i++)
      expect((await signIn(request.agent(t.app), user.email, 'bad-password')).text).toContain(
        SIGN_IN_MESSAGES.invalid,
      )
    const third = await signIn(request.agent(t.app), user.email, 'bad-password')
    expect(third.text).toContain(escaped(SIGN_IN_MESSAGES.locked))
    const locked = await signIn(request.agent(t.app), user.email, user.password)
    expect(locked.status).toBe(401)
    expect(locked.text).toContain(escaped(SIGN_IN_MESSAGES.locked))
    await new Promise((resolve) => setTimeout(resolve, 1300))
    const unlocked = await signIn(request.agent(t.app), user.email, user.password)
    expect(unlocked.status).toBe(302)
    const types = (await t.knex('audit_log').where({ subject: user.email }).orderBy('id')).map((r) => r.type)
    expect(types).toEqual([
      'sign_in_failed',
      'sign_in_failed',
      'account_locked',
      'sign_in_refused_locked',
      'sign_in',
    ])
  })

  it('when an unknown email fails as often as a locked account, then it reads the same: locked, then free again', async () => {
    const email = `nobody-${Date.now()}@example.test`
    const messages: string[] = []
    for (let i = 0; i < 4; i++) {
      const response = await signIn(request.agent(t.app), email, 'bad-password')
      expect(response.status).toBe(401)
      messages.push(response.text.includes(escaped(SIGN_IN_MESSAGES.locked)) ? 'locked' : 'invalid')
    }
    expect(messages).toEqual(['invalid', 'invalid', 'locked', 'locked'])
    await new Promise((resolve) => setTimeout(resolve, 1300))
    expect((await signIn(request.agent(t.app), email, 'bad-password')).text).toContain(
      SIGN_IN_MESSAGES.invalid,
    )
  })

  it('when an account has no password yet, then signing in to it takes as long as to an unknown email', async () => {
    const invited = await buildUser(t.repos)
    await t.knex('users').where({ id: invited.id }).update({ password_hash: null })
    const time = async (email: string) => {
      const started = performance.now()
      await t.services.auth.signIn(email, 'some-password', null)
      return performance.now() - started
    }
    const invitedTimes: number[] = []
    const unknownTimes: number[] = []
    for (let i = 0; i < 5; i++) {
      invitedTimes.push(await time(invited.email))
      unknownTimes.push(await time(`unknown-${i}-${Date.now()}@example.test`))
    }
    // Both verify one argon2 hash (tens of milliseconds); skipping it answered in ~4 ms. The fastest
    // of each: other work on a busy machine only ever adds time, so the minimum is the steadiest.
    if (!underMutationTesting)
      expect(Math.min(...invitedTimes)).toBeGreaterThan(Math.min(...unknownTimes) * 0.5)
    await t.knex('users').where({ id: invited.id }).update({ failed_logins: 0, locked_until: null })
  })

  it('when an empty form is sent, then each field gets its own message', async () => {
    const agent = request.agent(t.app)
    const token = await csrfToken(agent, '/login')
    const response = await agent.post('/login').type('form').send({ _csrf: token, email: '', password: '' })
    expect(response.status).toBe(400)
    expect(response.text).toContain('Enter your email address')
    expect(response.text).toContain('Enter your password')
  })
})
