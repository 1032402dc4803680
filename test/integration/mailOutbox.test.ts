import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildCity } from '../support/factories'
import { postForm, signIn } from '../support/http'
import { accountsTestEnv, adminAgent, linkTokenFrom, officerAgent } from '../support/accountsFactories'
import { linkIn, mailUrl, senderOf, startMailServer, setAsideEarlierMail } from '../support/mailServer'

const smtp = await startMailServer(0, (address) => address.startsWith('refused-'))
const t = testApp({
  ...accountsTestEnv,
  MAIL_URL: mailUrl(smtp.port),
  MAIL_FROM: 'Survey team <survey@example.test>',
  PUBLIC_BASE_URL: 'https://survey.example.test',
})
beforeAll(() => setAsideEarlierMail(t))
afterAll(async () => {
  await t.close()
  await smtp.close()
})
const sender = senderOf(t)

const uniqueEmail = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}@example.test`

async function createOfficer(agent: request.Agent, cityId: number, email: string) {
  const created = await postForm(agent, '/admin/users/new', '/admin/users', {
    displayName: 'Olga Officer',
    email,
    role: 'officer',
    cityId: String(cityId),
  })
  expect(created.status).toBe(302)
  return Object.assign(await agent.get(created.headers.location), {
    userPath: String(created.headers.location).replace(/\/link$/, ''),
  })
}

describe('mail through a real SMTP server', () => {
  it('when an administrator creates an officer, then the link is still shown and an invitation arrives whose link sets the password', async () => {
    const { agent } = await adminAgent(t)
    const city = await buildCity(t.repos)
    const email = uniqueEmail('invited')
    const linkPage = await createOfficer(agent, city.id, email)
    const shownToken = linkTokenFrom(linkPage.text)

    expect((await sender.deliverDue()).sent).toBeGreaterThanOrEqual(1)
    const [mail, ...more] = smtp.to(email)
    expect(more).toEqual([])
    expect(mail.subject).toBe('Create your password for the City Innovation Survey')
    expect(mail.parsed.from?.text).toBe('"Survey team" <survey@example.test>')
    expect(mail.text).toContain(`for ${city.name}`)
    expect(mail.text).toContain('Hello Olga Officer,')
    expect(mail.html).toContain('<a href="https://survey.example.test/set-password/')
    const path = linkIn(mail.text, 'https://survey.example.test')
    expect(path).toBe(`/set-password/${shownToken}`)

    const visitor = request.agent(t.app)
    expect((await visitor.get(path)).status).toBe(200)
    const set = await postForm(visitor, path, path, {
      newPassword: 'a-long-new-password',
      confirmPassword: 'a-long-new-password',
    })
    expect(set.headers.location).toBe('/login')
    expect((await signIn(request.agent(t.app), email, 'a-long-new-password')).status).toBe(302)
    const row = await t.knex('outbox').where({ recipient: email }).first()
    expect([row.status, row.attempts, row.kind, row.city_id]).toEqual(['sent', 1, 'invitation', city.id])
  })

  it('when an administrator creates a new link for an account, then it is emailed and the earlier link stops working', async () => {
    const { agent } = await adminAgent(t)
    const city = await buildCity(t.repos)
    const email = uniqueEmail('reissued')
    const { userPath } = await createOfficer(agent, city.id, email)
    const renewed = await postForm(agent, `${userPath}/link`, `${userPath}/link`, {})
    expect(renewed.status).toBe(302)
    await sender.deliverDue()
    const [first, second] = smtp.to(email).map((mail) => linkIn(mail.text, 'https://survey.example.test'))
    expect(first).not.toBe(second)
    expect((await request(t.app).get(first)).status).toBe(410)
    expect((await request(t.app).get(second)).status).toBe(200)
  })

  it('when the SMTP server refuses the address, then the message fails at once with the SMTP error', async () => {
    const { agent } = await adminAgent(t)
    const city = await buildCity(t.repos)
    const email = uniqueEmail('refused')
    await createOfficer(agent, city.id, email)
    await sender.deliverDue()
    const row = await t.knex('outbox').where({ recipient: email }).first()
    expect([row.status, row.attempts]).toEqual(['failed', 1])
    expect(row.last_error).toContain('550')
    expect(smtp.to(email)).toEqual([])

    const outbox = await agent.get('/admin/outbox?status=failed')
    expect(outbox.text).toContain(email)
    expect(outbox.text).toContain('Mailbox unavailable')
  })

  it('when an account transaction fails after queuing mail, then the mail is rolled back with the change', async () => {
    const email = uniqueEmail('rolled-back')
    const failing = t.repos.accountsTransaction.run(async (tx) => {
      await tx.users.create({ email, displayName: 'Rita', role: 'officer', cityId: null, passwordHash: null })
      await tx.outbox.enqueue([
        { kind: 'invitation', recipient: email, cityId: null, subject: 'S', text: 'T', html: 'H' },
      ])
      throw new Error('the change fails after the mail was written')
    })
    await expect(failing).rejects.toThrow('the change fails')
    expect(await t.repos.users.findByEmail(email)).toBeUndefined()
    expect(await t.knex('outbox').where({ recipient: email }).first()).toBeUndefined()
  })

  it('when an officer opens the outbox, then it is refused', async () => {
    const { agent } = await officerAgent(t)
    expect((await agent.get('/admin/outbox')).status).toBe(403)
  })
})
