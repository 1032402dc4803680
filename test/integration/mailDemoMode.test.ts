import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildCity } from '../support/factories'
import { csrfToken, postForm } from '../support/http'
import { accountsTestEnv, adminAgent } from '../support/accountsFactories'
import { linkIn, logLines, senderOf, setAsideEarlierMail } from '../support/mailServer'
import { decodeHtml } from '../support/collectionFactories'

const t = testApp(accountsTestEnv)
beforeAll(() => setAsideEarlierMail(t))
afterAll(() => t.close())

describe('mail without MAIL_URL (demo and development)', () => {
  it('when no SMTP server is configured, then each message is one log line, stays readable at /admin/outbox, and can be sent again', async () => {
    expect(t.config.mail.url).toBeUndefined()
    const { agent } = await adminAgent(t)
    const city = await buildCity(t.repos)
    const email = `demo-${Math.random().toString(36).slice(2, 8)}@example.test`
    await postForm(agent, '/admin/users/new', '/admin/users', {
      displayName: 'Dana Demo',
      email,
      role: 'officer',
      cityId: String(city.id),
    })
    const log = logLines()
    const report = await senderOf(t, log).deliverDue()
    expect(report.sent).toBe(0)
    const row = await t.knex('outbox').where({ recipient: email }).first()
    expect(row.status).toBe('logged')
    const lines = log.lines.filter((line) => line.includes(email))
    expect(lines).toEqual([
      `mail not sent (no MAIL_URL): #${row.id} invitation to ${email} "Create your password for the City Innovation Survey", read it at ${t.config.publicBaseUrl}/admin/outbox/${row.id}`,
    ])
    expect(await senderOf(t, log).deliverDue()).toMatchObject({ logged: 0 })

    const list = decodeHtml((await agent.get('/admin/outbox?status=logged&kind=invitation')).text)
    expect(list).toContain(email)
    expect(list).toContain(city.name)
    expect(list).toContain('Not sent: no MAIL_URL')
    expect(decodeHtml((await agent.get('/admin/outbox?status=sent')).text)).not.toContain(email)
    expect(decodeHtml((await agent.get('/admin/outbox?kind=response_returned')).text)).not.toContain(email)

    const page = await agent.get(`/admin/outbox/${row.id}`)
    const link = linkIn(decodeHtml(page.text), t.config.publicBaseUrl)
    expect((await request(t.app).get(link)).status).toBe(200)

    const noToken = await agent.post(`/admin/outbox/${row.id}/resend`).type('form').send({})
    expect(noToken.status).toBe(403)
    const token = await csrfToken(agent, `/admin/outbox/${row.id}`)
    const resent = await agent.post(`/admin/outbox/${row.id}/resend`).type('form').send({ _csrf: token })
    expect(resent.status).toBe(302)
    const copies = await t.knex('outbox').where({ recipient: email }).orderBy('id')
    expect(copies.map((c) => c.status)).toEqual(['logged', 'queued'])
    expect(resent.headers.location).toBe(`/admin/outbox/${copies[1].id}`)
    expect(copies[1].text_body).toBe(copies[0].text_body)
    await senderOf(t, log).deliverDue()
    expect(log.lines.filter((line) => line.includes(email))).toHaveLength(2)
  })
})
