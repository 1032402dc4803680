import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildUser } from '../support/factories'
import { signIn } from '../support/http'
import { accountsTestEnv, adminAgent, auditTypes, officerAgent } from '../support/accountsFactories'

const t = testApp(accountsTestEnv)
afterAll(() => t.close())

describe('who may reach account pages', () => {
  it('when an officer opens /admin or /admin/users, then each is refused with 403 and the refusal is audited', async () => {
    const { officer, agent } = await officerAgent(t)
    for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/city-requests']) {
      const response = await agent.get(path)
      expect(response.status).toBe(403)
      expect(response.text).toContain('You do not have permission to see this page')
      expect(response.text).not.toContain('Create an account')
    }
    const refused = await t
      .knex('audit_log')
      .where({ actor_id: officer.id, type: 'access_refused' })
      .orderBy('id')
    expect(refused.map((r) => r.subject)).toEqual([
      '/admin',
      '/admin/users',
      '/admin/audit',
      '/admin/city-requests',
    ])
  })

  it('when an officer posts to an admin action, then it is refused and nothing changes', async () => {
    const { agent } = await officerAgent(t)
    const victim = await buildUser(t.repos, { role: 'admin' })
    const page = await agent.get('/account')
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]
    const response = await agent.post(`/admin/users/${victim.id}/disable`).type('form').send({ _csrf: token })
    expect(response.status).toBe(403)
    expect((await t.repos.users.findById(victim.id))!.disabledAt).toBeNull()
  })

  it('when a visitor who is not signed in opens /admin/users, then they go to sign in and come back there', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const agent = request.agent(t.app)
    const first = await agent.get('/admin/users')
    expect(first.status).toBe(302)
    expect(first.headers.location).toBe('/login')
    const response = await signIn(agent, admin.email, admin.password)
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/admin/users')
    const page = await agent.get('/admin/users')
    expect(page.status).toBe(200)
    expect(page.text).toContain(admin.email)
  })

  it('when a visitor who is not signed in opens /account, then they go to sign in and come back there', async () => {
    const { officer } = await officerAgent(t)
    const agent = request.agent(t.app)
    expect((await agent.get('/account')).headers.location).toBe('/login')
    expect((await signIn(agent, officer.email, officer.password)).headers.location).toBe('/account')
  })

  it('when a sign-in carries a returnTo pointing elsewhere, then it is ignored and the user lands on their home', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    for (const target of ['https://evil.example/', '//evil.example/admin', '/\\evil.example']) {
      const agent = request.agent(t.app)
      const token = /name="_csrf" value="([^"]+)"/.exec(
        (await agent.get(`/login?returnTo=${encodeURIComponent(target)}`)).text,
      )![1]
      const response = await agent
        .post(`/login?returnTo=${encodeURIComponent(target)}`)
        .type('form')
        .send({ _csrf: token, email: admin.email, password: admin.password, returnTo: target })
      expect(response.status).toBe(302)
      expect(response.headers.location).toBe('/admin')
    }
  })

  it('when an unsigned visitor is sent to sign in from a doubled-slash admin path, then the return stays on this site', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const agent = request.agent(t.app)
    await agent.get('/admin//evil.example')
    const response = await signIn(agent, admin.email, admin.password)
    expect(response.headers.location).toMatch(/^\/(?!\/)/)
  })

  it('when an administrator opens the accounts pages, then they are allowed and nothing is refused', async () => {
    const { admin, agent } = await adminAgent(t)
    for (const path of ['/admin/users', '/admin/audit', '/admin/city-requests', '/admin/users/new']) {
      const response = await agent.get(path)
      expect(response.status).toBe(200)
      expect(response.text).toContain('aria-label="Administration"')
    }
    expect(await auditTypes(t, { actor_id: admin.id, type: 'access_refused' })).toEqual([])
  })
})
