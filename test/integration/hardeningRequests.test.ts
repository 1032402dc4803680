import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { adminAgent } from '../support/accountsFactories'
import { csrfToken, type Agent } from '../support/http'

const t = testApp()
afterAll(() => t.close())

/** A published 2020 profile of a demo city that no other test in this file opens. */
async function uncachedProfilePath(): Promise<string> {
  const row = await t
    .knex('profile_snapshots as p')
    .join('editions as e', 'e.id', 'p.edition_id')
    .join('cities as c', 'c.id', 'p.city_id')
    .where('e.year', 2020)
    .whereNot('c.slug', 'enschede-nld')
    .orderBy('c.slug', 'desc')
    .first('c.slug')
  return `/cities/${row.slug}/2020`
}

describe('a visitor’s own messages', () => {
  it('when a visitor with a message in their session opens an uncached profile, then later visitors never see that message', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const city = await buildCity(t.repos)
    const email = `flash-${Date.now()}@example.test`
    const created = await t.services.accountAdmin.create(
      { id: admin.id, ip: null },
      { displayName: 'Flash Officer', email, role: 'officer', cityId: String(city.id) },
    )
    if (!created.ok) throw new Error('officer not created')
    const visitor = request.agent(t.app)
    const token = await csrfToken(visitor, `/set-password/${created.value.token}`)
    const set = await visitor
      .post(`/set-password/${created.value.token}`)
      .type('form')
      .send({ _csrf: token, newPassword: 'a-long-new-password', confirmPassword: 'a-long-new-password' })
    expect(set.headers.location).toBe('/login')

    const path = await uncachedProfilePath()
    const own = await visitor.get(path)
    expect(own.text).toContain('Your password has been set')
    const later = await request(t.app).get(path)
    expect(later.status).toBe(200)
    expect(later.text).not.toContain('Your password has been set')
    expect(later.text).not.toContain(email)
  })
})

describe('bodies that are not forms', () => {
  let agent: Agent
  let token: string
  let responseId: number
  let cityId: number
  beforeAll(async () => {
    agent = (await adminAgent(t)).agent
    token = await csrfToken(agent, '/admin')
    responseId = Number((await t.knex('responses').first('id')).id)
    cityId = (await buildCity(t.repos)).id
  })

  const adminPosts = () => [
    `/admin/responses/${responseId}/approve`,
    `/admin/responses/${responseId}/return`,
    `/admin/responses/${responseId}/reopen`,
    `/admin/responses/${responseId}/comment`,
    `/admin/responses/${responseId}/correct/city.mayor`,
    '/admin/cities/new',
    `/admin/cities/${cityId}/edit`,
    '/admin/editions/2026/settings',
  ]

  it('when an admin form is posted as text, multipart or with no body, then it is refused as empty input, never a 500', async () => {
    for (const path of adminPosts()) {
      const bodies = [
        agent.post(path).set('X-CSRF-Token', token).type('text/plain').send('version=1'),
        agent.post(path).set('X-CSRF-Token', token).field('version', '1'),
        agent.post(path).set('X-CSRF-Token', token),
      ]
      for (const response of await Promise.all(bodies)) {
        // 400 with the form's messages, or 409 where the response's state does not allow the action.
        expect([400, 409], `${path} ${response.text.slice(0, 200)}`).toContain(response.status)
        expect(response.text).toMatch(/There is a problem|This has changed since you loaded the page/)
      }
    }
  })

  it('when a body is JSON, even deeply nested, then it is not parsed: the form answers as for empty input', async () => {
    const nested = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000)
    const login = await agent.post('/login').set('X-CSRF-Token', token).type('json').send(nested)
    expect(login.status).toBe(400)
    expect(login.text).toContain('Enter your email address')
    // Settings that would be accepted from a form are not taken from JSON.
    const settings = await agent
      .post('/admin/editions/2026/settings')
      .set('X-CSRF-Token', token)
      .type('json')
      .send({ opensOn: '2026-01-01', closesOn: '2026-12-31', basis: 'edition' })
    expect(settings.status).toBe(400)
    expect(settings.text).toContain('There is a problem')
  })

  it('when a form nests its fields too deeply, then it is refused with 400', async () => {
    const field = 'a' + '[b]'.repeat(100)
    const response = await agent
      .post('/admin/editions/2026/settings')
      .type('form')
      .send(`_csrf=${encodeURIComponent(token)}&${encodeURIComponent(field)}=1`)
    expect(response.status).toBe(400)
  })
})

describe('malformed addresses', () => {
  it('when a profile address has malformed percent-encoding, then our own 400 page answers, with or without revalidation', async () => {
    for (const headers of [{}, { 'If-None-Match': 'W/"x"' }]) {
      const response = await request(t.app).get('/cities/%ZZ/2020').set(headers)
      expect(response.status).toBe(400)
      expect(response.text).toContain('City Innovation Survey')
      expect(response.text).not.toMatch(/node_modules|\/src\/|at \w+ \(/)
    }
  })
})
