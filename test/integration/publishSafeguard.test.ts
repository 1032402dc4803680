import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity } from '../support/factories'
import { postForm, signedInAgent } from '../support/http'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'

const t = testApp()
afterAll(() => t.close())

const admin = () => signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)

/** A closed survey year whose pages compare only its own approved responses: `approved` of them. */
async function closedYear(approved: number) {
  const edition = await buildEdition(t.repos, { status: 'closed' })
  await t.repos.editions.update(edition.id, { basis: 'approved' })
  for (let i = 0; i < approved; i++) {
    const city = await buildCity(t.repos)
    const answers = simpleAnswers(edition.definition)
    await buildResponse(t.repos, { editionId: edition.id, cityId: city.id, answers, status: 'approved' })
  }
  return edition
}

describe('publishing with a safeguard', () => {
  it('when an admin is about to publish a year with one approved city, then the confirmation says so and warns of the disclosure threshold', async () => {
    const edition = await closedYear(1)
    const page = await (await admin()).get(`/admin/editions/${edition.year}/publish`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('will compare <strong>1 city</strong>')
    expect(page.text).toContain('id="below-threshold"')
    expect(page.text).toContain('fewer than 5 cities, the disclosure threshold')
  })

  it('when the year has as many approved cities as the threshold, then the confirmation gives the count without a warning', async () => {
    const edition = await closedYear(5)
    const page = await (await admin()).get(`/admin/editions/${edition.year}/publish`)
    expect(page.text).toContain('will compare <strong>5 cities</strong>')
    expect(page.text).not.toContain('id="below-threshold"')
  })

  it('when a year without figures is published anyway, then the home page keeps showing the latest year that has figures', async () => {
    const edition = await closedYear(1)
    const agent = await admin()
    const base = `/admin/editions/${edition.year}`
    expect((await postForm(agent, `${base}/publish`, `${base}/publish`, {})).status).toBe(302)
    try {
      const home = await request(t.app).get('/')
      expect(home.text).toContain('Headline figures, 2020')
      expect(home.text).not.toContain(`Headline figures, ${edition.year}`)
      // The year itself is published, with its notice, on its own page.
      const results = await request(t.app).get(`/results/${edition.year}`)
      expect(results.status).toBe(200)
      expect(results.text).toContain('No shares are shown: only 1 city is compared')
    } finally {
      // The PostgreSQL run shares one database between files: put the published years back.
      await postForm(agent, `${base}/unpublish`, `${base}/unpublish`, {})
    }
  })
})
