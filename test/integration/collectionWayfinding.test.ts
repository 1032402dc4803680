import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { signedInAgent } from '../support/http'
import { buildOfficer, decodeHtml } from '../support/collectionFactories'

const t = testApp()
afterAll(() => t.close())

describe('finding your way to a question', () => {
  it('when the officer follows any link from check answers, then the page it opens has the field it points at', async () => {
    const officer = await buildOfficer(t.repos)
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    const check = await agent.get('/survey/2026/check-answers')
    expect(check.status).toBe(200)
    const links = [...check.text.matchAll(/href="(\/survey\/2026\/[^"#]+)#([^"]+)"/g)].map((m) => ({
      page: m[1].replaceAll('&amp;', '&'),
      id: m[2],
    }))
    // Every required question of 2026 is missing here, so every kind of field is linked to.
    expect(links.length).toBeGreaterThan(20)
    const pages = new Map<string, string>()
    for (const link of links) {
      if (!pages.has(link.page)) pages.set(link.page, (await agent.get(link.page)).text)
      expect(pages.get(link.page), `${link.page}#${link.id}`).toContain(`id="${link.id}"`)
    }
  })

  it('when a reviewer comments on a question, then the comment names the question it is about', async () => {
    const officer = await buildOfficer(t.repos)
    const edition = (await t.repos.editions.findByYear(2026))!
    const response = await t.repos.responses.findOrCreate(edition.id, officer.city.id, officer.user.id)
    await t.repos.responses.transition(
      response.id,
      response.version,
      { status: 'returned' },
      { type: 'returned', actorId: null },
    )
    await t.knex('review_comments').insert({
      response_id: response.id,
      question_key: 'city.population',
      body: 'Which year is this figure from?',
      created_at: new Date().toISOString(),
    })
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    const page = decodeHtml((await agent.get('/survey/2026/city/city_facts')).text)
    expect(page).toMatch(
      /Reviewer’s comment on “Population[^”]*”\s*<\/h2>\s*<p[^>]*>Which year is this figure from\?/,
    )
  })
})
