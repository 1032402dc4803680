import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { postForm, signIn } from '../support/http'
import {
  accountsTestEnv,
  adminAgent,
  auditTypes,
  linkTokenFrom,
  officerAgent,
  sessionCountFor,
  signedIn,
} from '../support/accountsFactories'
import { hashToken } from '../../src/accounts/passwordLinks'

const t = testApp(accountsTestEnv)
afterAll(() => t.close())

const uniqueEmail = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}@example.test`
const escaped = (text: string) => text.replaceAll("'", '&#39;')

/** Creates an officer through the form and returns the one-time token shown to the admin. */
async function createOfficer(agent: request.Agent, cityId: number, email: string) {
  const created = await postForm(agent, '/admin/users/new', '/admin/users', {
    displayName: 'Olga Officer',
    email,
    role: 'officer',
    cityId: String(cityId),
  })
  expect(created.status).toBe(302)
  const linkPage = await agent.get(created.headers.location)
  expect(linkPage.status).toBe(200)
  return {
    token: linkTokenFrom(linkPage.text),
    linkPage,
    userPath: created.headers.location.replace(/\/link$/, ''),
  }
}

describe('administrators managing accounts', () => {
  it('when the request names another host, then the set-password link still starts with PUBLIC_BASE_URL', async () => {
    const { agent } = await adminAgent(t)
    const city = await buildCity(t.repos)
    const created = await postForm(agent, '/admin/users/new', '/admin/users', {
      displayName: 'Harry Host',
      email: uniqueEmail('host-header'),
      role: 'officer',
      cityId: String(city.id),
    })
    const linkPage = await agent.get(created.headers.location).set('Host', 'attacker.invalid')
    expect(linkPage.text).not.toContain('attacker.invalid')
    expect(linkPage.text).toContain(`${t.config.publicBaseUrl}/set-password/`)
  })

  it('when an admin creates an officer, then a one-time link is shown once, sets the password once, and the officer can sign in', async () => {
    const { admin, agent } = await adminAgent(t)
    const city = await buildCity(t.repos)
    const email = uniqueEmail('new-officer')
    const { token, linkPage, userPath } = await createOfficer(agent, city.id, email)
    expect(linkPage.text).toContain('Pass this link on')
    expect(linkPage.text).toContain(email)
    expect(await t.knex('password_tokens').where({ token_hash: token }).first()).toBeUndefined()
    expect(
      await t
        .knex('password_tokens')
        .where({ token_hash: hashToken(token) })
        .first(),
    ).toBeDefined()
    const again = await agent.get(`${userPath}/link`)
    expect(again.text).not.toContain(token)
    expect(again.text).toContain('A link is shown only once')

    const list = await agent.get('/admin/users')
    expect(list.text).toContain(email)
    expect(list.text).toMatch(
      new RegExp(
        `${city.name}</td>\\s*<td class="govuk-table__cell"><strong class="govuk-tag govuk-tag--blue">Invited`,
      ),
    )

    const visitor = request.agent(t.app)
    const form = await visitor.get(`/set-password/${token}`)
    expect(form.status).toBe(200)
    expect(form.text).toContain('Create your password')
    expect(form.text).toContain(email)
    const set = await postForm(visitor, `/set-password/${token}`, `/set-password/${token}`, {
      newPassword: 'a-long-new-password',
      confirmPassword: 'a-long-new-password',
    })
    expect(set.status).toBe(302)
    expect(set.headers.location).toBe('/login')
    expect((await visitor.get('/login')).text).toContain('Your password has been set')

    const reuse = await request(t.app).get(`/set-password/${token}`)
    expect(reuse.status).toBe(410)
    expect(reuse.text).toContain('This link has already been used')
    expect(reuse.text).toContain('Ask your survey administrator for a new link')
    const replay = await postForm(request.agent(t.app), '/login', `/set-password/${token}`, {
      newPassword: 'an-attacker-password',
      confirmPassword: 'an-attacker-password',
    })
    expect(replay.status).toBe(410)

    const signedInOfficer = await signIn(request.agent(t.app), email, 'a-long-new-password')
    expect(signedInOfficer.status).toBe(302)
    expect(signedInOfficer.headers.location).toBe('/survey')
    expect(await auditTypes(t, { subject: email })).toEqual([
      'account_created',
      'password_set_with_link',
      'sign_in',
    ])
    expect(
      (await t.knex('audit_log').where({ subject: email, type: 'account_created' }).first()).actor_id,
    ).toBe(admin.id)
  })

  it('when a link is older than 7 days, then it is refused with a page saying to ask for a new one', async () => {
    const { agent } = await adminAgent(t)
    const city = await buildCity(t.repos)
    const { token } = await createOfficer(agent, city.id, uniqueEmail('late'))
    const stored = await t
      .knex('password_tokens')
      .where({ token_hash: hashToken(token) })
      .first()
    const created = new Date(stored.created_at).getTime()
    expect(new Date(stored.expires_at).getTime() - created).toBeGreaterThan(7 * 86_400_000 - 60_000)
    await t.repos.passwordTokens.setExpiry(hashToken(token), new Date(Date.now() - 1000).toISOString())
    const response = await request(t.app).get(`/set-password/${token}`)
    expect(response.status).toBe(410)
    expect(response.text).toContain('This link has expired')
    expect(response.text).toContain('Ask your survey administrator for a new link')
    const post = await postForm(request.agent(t.app), '/login', `/set-password/${token}`, {
      newPassword: 'a-long-new-password',
      confirmPassword: 'a-long-new-password',
    })
    expect(post.status).toBe(410)
  })

  it('when a link is unknown or malformed, then the page says so with 404, not an error', async () => {
    for (const token of ['A'.repeat(43), 'short', '..%2F..%2Fetc']) {
      const response = await request(t.app).get(`/set-password/${token}`)
      expect(response.status).toBe(404)
      expect(response.text).toContain('This link does not work')
    }
  })

  it('when the new password is short or not confirmed, then the link page explains and the link still works', async () => {
    const { agent } = await adminAgent(t)
    const { token } = await createOfficer(agent, (await buildCity(t.repos)).id, uniqueEmail('rules'))
    const visitor = request.agent(t.app)
    const short = await postForm(visitor, `/set-password/${token}`, `/set-password/${token}`, {
      newPassword: 'short',
      confirmPassword: 'short',
    })
    expect(short.status).toBe(400)
    expect(short.text).toContain('Password must be 12 characters or more')
    const mismatch = await postForm(visitor, `/set-password/${token}`, `/set-password/${token}`, {
      newPassword: 'a-long-new-password',
      confirmPassword: 'another-password',
    })
    expect(mismatch.status).toBe(400)
    expect(mismatch.text).toContain('The passwords do not match')
    expect((await visitor.get(`/set-password/${token}`)).status).toBe(200)
  })

  it('when an admin creates a new link, then the old one stops working and the new one works', async () => {
    const { agent } = await adminAgent(t)
    const { token: first, userPath } = await createOfficer(
      agent,
      (await buildCity(t.repos)).id,
      uniqueEmail('again'),
    )
    const reissued = await postForm(agent, userPath, `${userPath}/link`, {})
    const second = linkTokenFrom((await agent.get(reissued.headers.location)).text)
    expect(second).not.toBe(first)
    expect((await request(t.app).get(`/set-password/${first}`)).status).toBe(410)
    expect((await request(t.app).get(`/set-password/${second}`)).status).toBe(200)
  })

  it('when the form is incomplete or the email is taken, then each field says what to fix and the input is kept', async () => {
    const { agent } = await adminAgent(t)
    const empty = await postForm(agent, '/admin/users/new', '/admin/users', {
      displayName: '',
      email: 'not-an-email',
      role: 'officer',
      cityId: '',
    })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('<title>Error: Create an account')
    expect(empty.text).toContain('Enter the full name')
    expect(empty.text).toContain('Enter an email address in the correct format')
    expect(empty.text).toContain('Select the city this officer answers for')
    expect(empty.text).toContain('value="not-an-email"')
    const existing = await buildUser(t.repos, { role: 'admin' })
    const taken = await postForm(agent, '/admin/users/new', '/admin/users', {
      displayName: 'Someone',
      email: existing.email.toUpperCase(),
      role: 'admin',
    })
    expect(taken.status).toBe(400)
    expect(taken.text).toContain('An account with this email address already exists')
  })

  it('when an admin disables an account, then its open session ends at once, it cannot sign in, and enabling restores it', async () => {
    const { admin, agent } = await adminAgent(t)
    const { officer, agent: officerSession } = await officerAgent(t)
    expect((await officerSession.get('/account')).status).toBe(200)
    expect(await sessionCountFor(t, officer.id)).toBe(1)

    const confirm = await agent.get(`/admin/users/${officer.id}/disable`)
    expect(confirm.text).toContain('Are you sure you want to disable')
    const disabled = await postForm(
      agent,
      `/admin/users/${officer.id}/disable`,
      `/admin/users/${officer.id}/disable`,
      {},
    )
    expect(disabled.status).toBe(302)
    expect(await sessionCountFor(t, officer.id)).toBe(0)
    const next = await officerSession.get('/account')
    expect(next.status).toBe(302)
    expect(next.headers.location).toBe('/login')
    expect((await signIn(request.agent(t.app), officer.email, officer.password)).status).toBe(401)
    expect((await agent.get(`/admin/users/${officer.id}`)).text).toContain('Disabled')

    await postForm(agent, `/admin/users/${officer.id}`, `/admin/users/${officer.id}/enable`, {})
    expect((await signIn(request.agent(t.app), officer.email, officer.password)).status).toBe(302)
    const actions = await t
      .knex('audit_log')
      .where({ actor_id: admin.id, subject: officer.email })
      .orderBy('id')
    expect(actions.map((r) => r.type)).toEqual(['account_disabled', 'account_enabled'])
    expect(JSON.parse(actions[0].detail)).toMatchObject({ userId: officer.id, sessionsEnded: 1 })
  })

  it('when an admin tries to disable their own account, then it is refused', async () => {
    const { admin, agent } = await adminAgent(t)
    expect((await agent.get(`/admin/users/${admin.id}`)).text).toContain(
      'You cannot disable your own account',
    )
    const response = await postForm(agent, `/admin/users/${admin.id}`, `/admin/users/${admin.id}/disable`, {})
    expect(response.status).toBe(400)
    expect((await t.repos.users.findById(admin.id))!.disabledAt).toBeNull()
  })

  it('when an account is locked, then the list says so and an admin can unlock it', async () => {
    const { admin, agent } = await adminAgent(t)
    const locked = await buildUser(t.repos, { role: 'admin' })
    await t.repos.users.recordFailure(locked.id, new Date(Date.now() + 3_600_000).toISOString())
    const detail = await agent.get(`/admin/users/${locked.id}`)
    expect(detail.text).toContain('govuk-tag--red">Locked')
    expect((await signIn(request.agent(t.app), locked.email, locked.password)).text).toContain(
      'Too many failed attempts',
    )
    const unlocked = await postForm(
      agent,
      `/admin/users/${locked.id}`,
      `/admin/users/${locked.id}/unlock`,
      {},
    )
    expect(unlocked.status).toBe(302)
    expect((await agent.get(unlocked.headers.location)).text).toContain('The account has been unlocked')
    expect((await signIn(request.agent(t.app), locked.email, locked.password)).status).toBe(302)
    expect(await auditTypes(t, { actor_id: admin.id, subject: locked.email })).toEqual(['account_unlocked'])
  })

  it('when an account id does not exist, then its pages are 404', async () => {
    const { agent } = await adminAgent(t)
    expect((await agent.get('/admin/users/99999999')).status).toBe(404)
    expect((await agent.get('/admin/users/not-a-number')).status).toBe(404)
  })
})

describe('the audit log page', () => {
  it('when there are more than 50 entries, then it shows the newest 50 first and pages through the rest', async () => {
    const { agent } = await adminAgent(t)
    const marker = `paging-${Math.random().toString(36).slice(2, 8)}`
    for (let i = 0; i < 55; i++)
      await t.repos.audit.record({
        actorId: null,
        type: 'sign_in_failed',
        subject: `${marker}-${i}@example.test`,
      })
    const first = await agent.get('/admin/audit')
    expect(first.status).toBe(200)
    expect(first.text).toContain(`${marker}-54@example.test`)
    expect(first.text.indexOf(`${marker}-54@`)).toBeLessThan(first.text.indexOf(`${marker}-53@`))
    expect((first.text.match(/<tr class="govuk-table__row">/g) ?? []).length).toBe(51)
    expect(first.text).toContain('href="/admin/audit?page=2"')
    // The 55 new rows are the newest: they fill page 1 and the first 5 rows of page 2.
    const second = await agent.get('/admin/audit?page=2')
    expect(second.text).toContain(`${marker}-4@example.test`)
    expect(second.text).not.toContain(`${marker}-5@example.test`)
    expect(second.text).toContain('href="/admin/audit?page=1"')
    const nonsense = await agent.get('/admin/audit?page=abc')
    expect(nonsense.status).toBe(200)
    expect(nonsense.text).toContain(`${marker}-54@example.test`)
  })

  it('when an officer signs in and is refused a page, then both show in the log with who and what', async () => {
    const { agent: admin } = await adminAgent(t)
    const { officer, agent } = await officerAgent(t)
    await agent.get('/admin/users')
    const log = await admin.get('/admin/audit')
    const row = log.text.slice(log.text.indexOf('Page refused') - 400, log.text.indexOf('Page refused') + 400)
    expect(row).toContain(officer.email)
    expect(row).toContain('/admin/users')
    expect(log.text).toContain(escaped('Signed in'))
  })
})

describe('signing in after a set-password link', () => {
  it('when a signed-in officer has a link used on their account, then their existing sessions end', async () => {
    const { agent: admin } = await adminAgent(t)
    const { officer, agent } = await officerAgent(t)
    const reissued = await postForm(
      admin,
      `/admin/users/${officer.id}`,
      `/admin/users/${officer.id}/link`,
      {},
    )
    const token = linkTokenFrom((await admin.get(reissued.headers.location)).text)
    await postForm(request.agent(t.app), `/set-password/${token}`, `/set-password/${token}`, {
      newPassword: 'fresh-password-123',
      confirmPassword: 'fresh-password-123',
    })
    expect((await agent.get('/account')).headers.location).toBe('/login')
    await signedIn(t, { ...officer, password: 'fresh-password-123' })
  })
})
