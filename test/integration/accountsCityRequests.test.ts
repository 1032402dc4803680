import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { postForm } from '../support/http'
import {
  accountsTestEnv,
  adminAgent,
  auditTypes,
  buildCityRequest,
  linkTokenFrom,
} from '../support/accountsFactories'

const t = testApp(accountsTestEnv)
afterAll(() => t.close())

const suffix = () => Math.random().toString(36).slice(2, 8)

describe('the public "Add your city" form', () => {
  it('when a visitor sends an empty or invalid form, then each field says what to fix and the input is kept', async () => {
    const agent = request.agent(t.app)
    const page = await agent.get('/add-your-city')
    expect(page.status).toBe(200)
    expect(page.text).toContain('novalidate')
    const response = await postForm(agent, '/add-your-city', '/add-your-city', {
      cityName: '  ',
      country: 'Narnia',
      contactName: '',
      email: 'nope',
      contactRole: '',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('<title>Error: Add your city')
    expect(response.text).toContain('There is a problem')
    for (const [id, text] of [
      ['cityName', 'Enter the name of your city'],
      ['contactName', 'Enter your full name'],
      ['email', 'Enter an email address in the correct format, like name@example.org'],
      ['contactRole', 'Enter your role, like Chief Innovation Officer'],
    ]) {
      expect(response.text).toContain(`<a href="#${id}">${text}</a>`)
      expect(response.text).toContain(`id="${id}-error"`)
    }
    expect(response.text).not.toContain('id="country-error"')
    expect(response.text).toContain('value="Narnia"')
    expect(response.text).toContain('value="nope"')
  })

  it('when a visitor sends a complete form, then it is stored as pending and a confirmation follows', async () => {
    const agent = request.agent(t.app)
    const cityName = `Newtown ${suffix()}`
    const response = await postForm(agent, '/add-your-city', '/add-your-city', {
      cityName,
      country: 'Germany',
      contactName: 'Nora New',
      email: 'Nora.New@Example.test',
      contactRole: 'Head of Innovation',
    })
    expect(response.status).toBe(302)
    const confirmation = await agent.get(response.headers.location)
    expect(confirmation.text).toContain('Request sent')
    expect(confirmation.text).toContain('What happens next')
    const stored = await t.knex('city_requests').where({ city_name: cityName }).first()
    expect(stored).toMatchObject({
      country: 'Germany',
      contact_name: 'Nora New',
      email: 'nora.new@example.test',
      contact_role: 'Head of Innovation',
      status: 'pending',
    })
  })
})

describe('administrators deciding city requests', () => {
  it('when there are requests, then pending ones come first with a link to each', async () => {
    const { agent } = await adminAgent(t)
    const decided = await buildCityRequest(t)
    await t.repos.cityRequests.decide(decided.id, {
      status: 'rejected',
      reason: 'Duplicate',
      decidedBy: (await t.repos.users.findByEmail('admin@example.org'))!.id,
    })
    const pending = await buildCityRequest(t)
    const page = await agent.get('/admin/city-requests')
    expect(page.status).toBe(200)
    expect(page.text).toContain(`href="/admin/city-requests/${pending.id}"`)
    expect(page.text.indexOf(pending.cityName)).toBeLessThan(page.text.indexOf(decided.cityName))
    expect(page.text).toMatch(/\d+ waiting for a decision/)
  })

  it('when an admin approves a request, then the city and an officer are created and a one-time link is shown', async () => {
    const { admin, agent } = await adminAgent(t)
    const request_ = await buildCityRequest(t, { cityName: `Zwolle ${suffix()}`, country: 'netherlands' })
    const form = await agent.get(`/admin/city-requests/${request_.id}/approve`)
    expect(form.status).toBe(200)
    // Defaults come from a city already in the same country (Enschede) and the name.
    expect(form.text).toContain('value="NLD"')
    expect(form.text).toContain(`value="${request_.cityName.toLowerCase().replace(' ', '-')}-nld"`)
    expect(form.text).toContain('<option value="Europe" selected>')
    expect(form.text).toContain(`value="${request_.email}"`)

    const slug = `zwolle-${suffix()}-nld`
    const response = await postForm(
      agent,
      `/admin/city-requests/${request_.id}/approve`,
      `/admin/city-requests/${request_.id}/approve`,
      {
        cityName: request_.cityName,
        country: 'Netherlands',
        iso3: 'nld',
        slug,
        region: 'Europe',
        officerName: 'Zoe Zwolle',
        officerEmail: request_.email,
      },
    )
    expect(response.status).toBe(302)
    const linkPage = await agent.get(response.headers.location)
    expect(linkPage.text).toContain(`${request_.cityName} has been added`)
    const token = linkTokenFrom(linkPage.text)

    const city = await t.repos.cities.findBySlug(slug)
    expect(city).toMatchObject({
      name: request_.cityName,
      country: 'Netherlands',
      iso3: 'NLD',
      region: 'Europe',
    })
    const officer = await t.repos.users.findByEmail(request_.email)
    expect(officer).toMatchObject({
      role: 'officer',
      cityId: city!.id,
      displayName: 'Zoe Zwolle',
      passwordHash: null,
    })
    expect(await t.repos.cityRequests.findById(request_.id)).toMatchObject({
      status: 'approved',
      decidedBy: admin.id,
    })
    expect((await request(t.app).get(`/set-password/${token}`)).text).toContain(request_.email)
    expect(await auditTypes(t, { actor_id: admin.id })).toEqual([
      'sign_in',
      'city_request_approved',
      'account_created',
    ])

    const again = await agent.get(`/admin/city-requests/${request_.id}/approve`)
    expect(again.status).toBe(409)
    expect(again.text).toContain('This request has already been approved')
  })

  it('when the approval form is invalid or the slug is taken, then it says what to fix and nothing is created', async () => {
    const { agent } = await adminAgent(t)
    const request_ = await buildCityRequest(t, { country: 'Atlantis' })
    const form = await agent.get(`/admin/city-requests/${request_.id}/approve`)
    expect(form.text).toContain('id="iso3" name="iso3" type="text" value=""')
    const path = `/admin/city-requests/${request_.id}/approve`
    const invalid = await postForm(agent, path, path, {
      cityName: request_.cityName,
      country: 'Atlantis',
      iso3: 'AT',
      slug: 'Not A Slug',
      region: '',
      officerName: 'X',
      officerEmail: request_.email,
    })
    expect(invalid.status).toBe(400)
    expect(invalid.text).toContain('ISO country code must be 3 letters')
    expect(invalid.text).toContain('Slug must only include lower-case letters')
    expect(invalid.text).toContain('Select a region')
    const taken = await postForm(agent, path, path, {
      cityName: request_.cityName,
      country: 'Atlantis',
      iso3: 'ATL',
      slug: 'enschede-nld',
      region: 'Europe',
      officerName: 'X',
      officerEmail: request_.email,
    })
    expect(taken.status).toBe(400)
    expect(taken.text).toContain('A city with this slug already exists')
    expect(await t.repos.users.findByEmail(request_.email)).toBeUndefined()
    expect((await t.repos.cityRequests.findById(request_.id))!.status).toBe('pending')
  })

  it('when an admin rejects a request, then a reason is required and recorded', async () => {
    const { admin, agent } = await adminAgent(t)
    const request_ = await buildCityRequest(t)
    const path = `/admin/city-requests/${request_.id}/reject`
    const confirm = await agent.get(path)
    expect(confirm.text).toContain('Are you sure you want to reject')
    const empty = await postForm(agent, path, path, { reason: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('Enter the reason for rejecting this request')
    expect((await t.repos.cityRequests.findById(request_.id))!.status).toBe('pending')

    const rejected = await postForm(agent, path, path, {
      reason: 'Already in the survey as <Greater Requestville>',
    })
    expect(rejected.status).toBe(302)
    expect((await agent.get(rejected.headers.location)).text).toContain('has been rejected')
    expect(await t.repos.cityRequests.findById(request_.id)).toMatchObject({
      status: 'rejected',
      decisionReason: 'Already in the survey as <Greater Requestville>',
      decidedBy: admin.id,
    })
    const detail = await agent.get(`/admin/city-requests/${request_.id}`)
    expect(detail.text).toContain('Already in the survey as &lt;Greater Requestville&gt;')
    expect(detail.text).not.toContain('/reject"')
    expect(await auditTypes(t, { actor_id: admin.id, type: 'city_request_rejected' })).toHaveLength(1)
    expect(
      (await postForm(agent, `/admin/city-requests/${request_.id}`, path, { reason: 'again' })).status,
    ).toBe(409)
  })

  it('when a request id does not exist, then its pages are 404', async () => {
    const { agent } = await adminAgent(t)
    expect((await agent.get('/admin/city-requests/99999999')).status).toBe(404)
    expect((await agent.get('/admin/city-requests/99999999/approve')).status).toBe(404)
  })
})

describe('limits on the public form', () => {
  it('when one address sends many requests, then after ten it is asked to wait and nothing more is stored', async () => {
    const agent = request.agent(t.app)
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      const response = await postForm(agent, '/add-your-city', '/add-your-city', {
        cityName: `Flood ${suffix()}`,
        country: 'Spamland',
        contactName: 'S',
        email: 's@example.test',
        contactRole: 'R',
      })
      statuses.push(response.status)
      if (response.status === 429) {
        expect(response.text).toContain('Too many requests from your network')
        break
      }
    }
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.filter((s) => s === 302).length).toBeLessThanOrEqual(10)
  })
})
