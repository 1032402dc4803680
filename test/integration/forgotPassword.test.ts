import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildUser } from '../support/factories'
import { csrfToken, postForm, signIn } from '../support/http'
import { sessionCountFor, signedIn } from '../support/accountsFactories'
import { linkIn, mailUrl, senderOf, startMailServer, setAsideEarlierMail } from '../support/mailServer'
import { underMutationTesting } from '../support/mutationTesting'

const smtp = await startMailServer()
const t = testApp({
  MAIL_URL: mailUrl(smtp.port),
  LOGIN_RATE_PER_MINUTE: '1000',
  RESET_RATE_PER_HOUR: '1000',
})
beforeAll(() => setAsideEarlierMail(t))
afterAll(async () => {
  await t.close()
  await smtp.close()
})
const sender = senderOf(t)
const unique = () => Math.random().toString(36).slice(2, 10)

/** What varies between any two pages: the CSP nonce and the CSRF token. */
const normalised = (html: string) =>
  html.replace(/nonce="[^"]+"/g, 'nonce=""').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""')

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** The reset work runs after the answer has gone: wait until the outbox holds what is expected. */
async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
const requestRecorded = (email: string) =>
  t.knex('audit_log').where({ type: 'password_reset_requested', subject: email.toLowerCase() }).first()
const queuedFor = async (email: string) =>
  Number((await t.knex('outbox').where({ recipient: email, kind: 'password_reset' }).count({ n: '*' }))[0].n)

describe('forgot password', () => {
  it('when known and unknown addresses ask for a reset, then the answers are identical and as fast, and only known ones get mail', async () => {
    const known = await Promise.all(Array.from({ length: 10 }, () => buildUser(t.repos)))
    const unknown = known.map(() => `nobody-${unique()}@example.test`)
    const agent = request.agent(t.app)
    const token = await csrfToken(agent, '/forgot-password')
    // Each request is timed alone: the previous one's work (after its answer) is waited for.
    const ask = async (email: string) => {
      const start = process.hrtime.bigint()
      const response = await agent.post('/forgot-password').type('form').send({ _csrf: token, email })
      const ms = Number(process.hrtime.bigint() - start) / 1e6
      await eventually(async () => Boolean(await requestRecorded(email)))
      return { response, ms }
    }
    await ask(`warm-up-${unique()}@example.test`)
    const times = { known: [] as number[], unknown: [] as number[] }
    const bodies = new Set<string>()
    for (let i = 0; i < known.length; i++) {
      const pair = [
        ['known', known[i].email],
        ['unknown', unknown[i]],
      ] as const
      // Alternating which goes first, so neither always follows the other.
      for (const [kind, email] of i % 2 ? [...pair].reverse() : pair) {
        const { response, ms } = await ask(email)
        expect(response.status).toBe(200)
        bodies.add(normalised(response.text))
        times[kind].push(ms)
      }
    }
    expect(bodies.size).toBe(1)
    expect([...bodies][0]).toContain('Check your email')
    const [k, u] = [median(times.known), median(times.unknown)]
    console.info(`forgot-password medians: known ${k.toFixed(2)} ms, unknown ${u.toFixed(2)} ms`)
    // Loose: the answer leaves before any work, so only noise separates them.
    if (!underMutationTesting) expect(Math.abs(k - u)).toBeLessThan(Math.max(10, 0.5 * Math.min(k, u)))

    for (const user of known) await eventually(async () => (await queuedFor(user.email)) === 1)
    await sender.deliverDue()
    for (const user of known)
      expect(smtp.to(user.email).map((m) => m.subject)).toEqual([
        'Reset your password for the City Innovation Survey',
      ])
    for (const email of unknown) {
      expect(await queuedFor(email)).toBe(0)
      expect(smtp.to(email)).toEqual([])
    }
  })

  it('when the emailed link is followed, then it sets the password once, within the hour, and every session of the account ends', async () => {
    const user = await buildUser(t.repos)
    const laptop = await signedIn(t, user)
    const phone = await signedIn(t, user)
    expect(await sessionCountFor(t, user.id)).toBe(2)
    const login = await request(t.app).get('/login')
    expect(login.text).toContain('href="/forgot-password"')

    const visitor = request.agent(t.app)
    const asked = await postForm(visitor, '/forgot-password', '/forgot-password', {
      email: user.email.toUpperCase(),
    })
    expect(asked.status).toBe(200)
    await eventually(async () => (await queuedFor(user.email)) === 1)
    await sender.deliverDue()
    const [mail] = smtp.to(user.email)
    const link = linkIn(mail.text, t.config.publicBaseUrl)
    const stored = await t.knex('password_tokens').where({ user_id: user.id }).whereNull('used_at').first()
    const validFor = Date.parse(stored.expires_at) - Date.parse(stored.created_at)
    expect(Math.round(validFor / 60_000)).toBe(60)

    expect((await visitor.get(link)).status).toBe(200)
    const set = await postForm(visitor, link, link, {
      newPassword: 'my-brand-new-password',
      confirmPassword: 'my-brand-new-password',
    })
    expect(set.headers.location).toBe('/login')
    expect(await sessionCountFor(t, user.id)).toBe(0)
    for (const agent of [laptop, phone]) expect((await agent.get('/account')).headers.location).toBe('/login')
    expect((await signIn(request.agent(t.app), user.email, user.password)).status).toBe(401)
    expect((await signIn(request.agent(t.app), user.email, 'my-brand-new-password')).status).toBe(302)
    expect((await request(t.app).get(link)).status).toBe(410)
  })

  it('when one address asks again and again, then every answer is the same and three links at most are sent in the hour', async () => {
    const user = await buildUser(t.repos)
    const agent = request.agent(t.app)
    const token = await csrfToken(agent, '/forgot-password')
    const bodies = new Set<string>()
    for (let i = 0; i < 5; i++) {
      const response = await agent
        .post('/forgot-password')
        .type('form')
        .send({ _csrf: token, email: user.email })
      expect(response.status).toBe(200)
      bodies.add(normalised(response.text))
    }
    expect(bodies.size).toBe(1)
    await eventually(async () => (await queuedFor(user.email)) === 3)
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await queuedFor(user.email)).toBe(3)
  })

  it('when the address is not an email address, then the form says so; when the account is disabled, then nothing is sent', async () => {
    const agent = request.agent(t.app)
    const invalid = await postForm(agent, '/forgot-password', '/forgot-password', { email: 'not-an-address' })
    expect(invalid.status).toBe(400)
    expect(invalid.text).toContain('Enter an email address in the correct format')
    const disabled = await buildUser(t.repos)
    await t.repos.users.setDisabled(disabled.id, true)
    const asked = await postForm(agent, '/forgot-password', '/forgot-password', { email: disabled.email })
    expect(asked.status).toBe(200)
    await eventually(async () =>
      Boolean(
        await t
          .knex('audit_log')
          .where({ type: 'password_reset_requested', subject: disabled.email })
          .first(),
      ),
    )
    expect(await queuedFor(disabled.email)).toBe(0)
  })
})
