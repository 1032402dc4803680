import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { postForm, signIn } from '../support/http'
import { accountsTestEnv, adminAgent, buildCityRequest } from '../support/accountsFactories'
import { linkIn, mailUrl, senderOf, startMailServer, setAsideEarlierMail } from '../support/mailServer'

const smtp = await startMailServer()
const t = testApp({ ...accountsTestEnv, MAIL_URL: mailUrl(smtp.port) })
beforeAll(() => setAsideEarlierMail(t))
afterAll(async () => {
  await t.close()
  await smtp.close()
})
const sender = senderOf(t)
const suffix = () => Math.random().toString(36).slice(2, 8)

describe('mail about "Add your city" requests', () => {
  it('when a visitor asks to add their city, then every administrator gets a message whose link opens the request', async () => {
    const { admin, agent } = await adminAgent(t)
    const cityName = `Mailtown ${suffix()}`
    const sent = await postForm(request.agent(t.app), '/add-your-city', '/add-your-city', {
      cityName,
      country: 'Netherlands',
      contactName: 'Vera Visitor',
      email: `visitor-${suffix()}@example.test`,
      contactRole: 'Innovation lead',
    })
    expect(sent.status).toBe(302)
    await sender.deliverDue()
    const [mail, ...more] = smtp.to(admin.email)
    expect(more).toEqual([])
    expect(mail.subject).toBe(`New request to add ${cityName}`)
    expect(smtp.to('admin@example.org').map((m) => m.subject)).toContain(`New request to add ${cityName}`)
    const page = await agent.get(linkIn(mail.text, t.config.publicBaseUrl))
    expect(page.status).toBe(200)
    expect(page.text).toContain(cityName)
  })

  it('when an administrator approves a request, then the requester gets their invitation and its link sets their password', async () => {
    const { agent } = await adminAgent(t)
    const pending = await buildCityRequest(t, { cityName: `Approvia ${suffix()}` })
    const path = `/admin/city-requests/${pending.id}/approve`
    const approved = await postForm(agent, path, path, {
      cityName: pending.cityName,
      country: 'Netherlands',
      iso3: 'nld',
      slug: `approvia-${suffix()}-nld`,
      region: 'Europe',
      officerName: 'Anna Approved',
      officerEmail: pending.email,
    })
    expect(approved.status).toBe(302)
    await sender.deliverDue()
    const [mail] = smtp.to(pending.email)
    expect(mail.subject).toBe(`${pending.cityName} has been added to the City Innovation Survey`)
    expect(mail.text).toContain('Hello Anna Approved,')
    const link = linkIn(mail.text, t.config.publicBaseUrl)
    const visitor = request.agent(t.app)
    const set = await postForm(visitor, link, link, {
      newPassword: 'approved-officer-password',
      confirmPassword: 'approved-officer-password',
    })
    expect(set.headers.location).toBe('/login')
    expect((await signIn(request.agent(t.app), pending.email, 'approved-officer-password')).status).toBe(302)
  })

  it('when an administrator declines a request, then the requester is told why', async () => {
    const { agent } = await adminAgent(t)
    const pending = await buildCityRequest(t, { cityName: `Declinia ${suffix()}` })
    const path = `/admin/city-requests/${pending.id}/reject`
    const rejected = await postForm(agent, path, path, {
      reason: 'Already in the survey as <Greater Declinia>',
    })
    expect(rejected.status).toBe(302)
    await sender.deliverDue()
    const [mail, ...more] = smtp.to(pending.email)
    expect(more).toEqual([])
    expect(mail.subject).toBe(`Your request to add ${pending.cityName}`)
    expect(mail.text).toContain('The reason: Already in the survey as <Greater Declinia>')
    expect(mail.html).toContain('Already in the survey as &lt;Greater Declinia&gt;')
  })
})
