import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildUser } from '../support/factories'
import { signedInAgent } from '../support/http'
import { buildOfficer } from '../support/collectionFactories'

// A file of its own: passport's strategy is process-wide, so one app per test file.
const t = testApp()
afterAll(() => t.close())

const cityFacts = '/survey/2026/city/city_facts'
const refusal = 'Your form could not be checked'

/** The answers stored for a city in the open 2026 edition. */
async function storedKeys(cityId: number): Promise<string[]> {
  const edition = (await t.repos.editions.findByYear(2026))!
  const response = await t.repos.responses.find(edition.id, cityId)
  return response ? (await t.repos.responses.answers(response.id)).map((row) => row.questionKey) : []
}

describe('CSRF refusals the common cases do not reach', () => {
  it('when a form arrives with no body at all, then it is refused as unchecked (403), not a server error', async () => {
    const response = await request(t.app).post('/logout')
    expect(response.status).toBe(403)
    expect(response.text).toContain(refusal)
  })

  it("when a signed-in officer's page arrives with a wrong token, then it is refused and nothing is saved, even when the browser says same-origin", async () => {
    const { city, user } = await buildOfficer(t.repos)
    const agent = await signedInAgent(t.app, user.email, user.password)
    const response = await agent
      .post(cityFacts)
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ _csrf: 'forged', _version: '0', _base: '', 'city-mayor': 'Forged', _action: 'continue' })
    expect(response.status).toBe(403)
    expect(response.text).toContain(refusal)
    expect(await storedKeys(city.id)).toEqual([])
  })

  it('when an administrator form arrives with a wrong token, then it is refused and nothing changes, even when the browser says same-origin', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const agent = await signedInAgent(t.app, admin.email, admin.password)
    const years = (await t.repos.editions.list()).map((edition) => edition.year)
    const unused = Math.max(...years) + 1
    const response = await agent
      .post('/admin/editions/new')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ _csrf: 'forged', year: String(unused), copyFrom: String(years[0]) })
    expect(response.status).toBe(403)
    expect(response.text).toContain(refusal)
    expect(await t.repos.editions.findByYear(unused)).toBeUndefined()
  })

  it('when a page of the questionnaire is sent by another method than POST without a token, then it is refused, not kept for after sign-in', async () => {
    const response = await request(t.app)
      .put(cityFacts)
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ 'city-mayor': 'Someone' })
    expect(response.status).toBe(403)
    expect(response.text).toContain(refusal)
  })
})
