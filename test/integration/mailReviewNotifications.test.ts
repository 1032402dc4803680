import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { postForm, signedInAgent, type Agent } from '../support/http'
import { buildEdition, buildResponse } from '../support/reviewFactories'
import { pageState } from '../support/collectionFactories'
import { generateAnswers } from '../../src/cli/demo/generateAnswers'
import { demoCities } from '../../src/cli/demo/demoData'
import { linkIn, mailUrl, senderOf, startMailServer, setAsideEarlierMail } from '../support/mailServer'

const smtp = await startMailServer()
const t = testApp({ MAIL_URL: mailUrl(smtp.port), LOGIN_RATE_PER_MINUTE: '1000' })
beforeAll(() => setAsideEarlierMail(t))
afterAll(async () => {
  await t.close()
  await smtp.close()
})
const sender = senderOf(t)
const admin = () => signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
const base = t.config.publicBaseUrl

/**
 * A new open survey year with five approved cities (a basis for profiles), and a new city
 * with two officers whose complete response the first officer submits through the journey.
 */
async function submittedThroughJourney() {
  const edition = await buildEdition(t.repos, { status: 'open' })
  for (let i = 0; i < 5; i++) {
    const other = await buildCity(t.repos)
    const answers = generateAnswers(edition.definition, demoCities[i + 1])
    await buildResponse(t.repos, { editionId: edition.id, cityId: other.id, answers, status: 'approved' })
  }
  const city = await buildCity(t.repos)
  const officers = [
    await buildUser(t.repos, { cityId: city.id }),
    await buildUser(t.repos, { cityId: city.id }),
  ]
  const answers = generateAnswers(edition.definition, demoCities[10])
  await buildResponse(t.repos, { editionId: edition.id, cityId: city.id, answers, actorId: officers[0].id })
  const agent = await signedInAgent(t.app, officers[0].email, officers[0].password)
  const check = await agent.get(`/survey/${edition.year}/check-answers`)
  const submitted = await agent
    .post(`/survey/${edition.year}/submit`)
    .type('form')
    .send({ ...pageState(check.text), confirm: 'yes' })
  expect(submitted.status).toBe(302)
  const response = (await t.repos.responses.find(edition.id, city.id))!
  return { edition, city, officers, response, officerAgent: agent }
}

const act = async (agent: Agent, responseId: number, action: string, fields: Record<string, unknown>) => {
  const page = `/admin/responses/${responseId}`
  return postForm(agent, `${page}/${action}`, `${page}/${action}`, fields)
}

describe('notifications about responses and results', () => {
  it('when an officer submits, then administrators are told; when returned, then both officers get the comments; when approved and published, then they get the news and a profile link that works', async () => {
    const { edition, city, officers, response, officerAgent } = await submittedThroughJourney()
    const newAdmin = await buildUser(t.repos, { role: 'admin' })
    await sender.deliverDue()
    const [submittedMail] = smtp.to('admin@example.org').filter((m) => m.subject.includes(city.name))
    expect(submittedMail.subject).toBe(`${city.name} submitted its ${edition.year} response`)
    expect(smtp.to(newAdmin.email)).toEqual([]) // created after the submission
    const reviewer = await admin()
    const reviewPath = linkIn(submittedMail.text, base)
    expect(reviewPath).toBe(`/admin/responses/${response.id}`)
    expect((await reviewer.get(reviewPath)).status).toBe(200)

    await postForm(reviewer, `${reviewPath}/comment`, `${reviewPath}/comment`, {
      questionKey: 'strategy.formal',
      body: 'Please attach the strategy document.',
    })
    await postForm(reviewer, `${reviewPath}/comment`, `${reviewPath}/comment`, {
      questionKey: '',
      body: 'Check the budget figures.',
    })
    expect((await act(reviewer, response.id, 'return', { version: response.version })).status).toBe(302)
    await sender.deliverDue()
    for (const officer of officers) {
      const [returned, ...more] = smtp.to(officer.email)
      expect(more).toEqual([])
      expect(returned.subject).toBe(`Changes needed to ${city.name}'s ${edition.year} response`)
      expect(returned.text).toContain('Their 2 comments:')
      expect(returned.text).toMatch(/- .+: Please attach the strategy document\./)
      expect(returned.text).toContain('- Check the budget figures.')
      const surveyPath = linkIn(returned.text, base)
      expect(surveyPath).toBe(`/survey/${edition.year}`)
      expect((await officerAgent.get(surveyPath)).status).toBe(200)
    }

    const check = await officerAgent.get(`/survey/${edition.year}/check-answers`)
    await officerAgent
      .post(`/survey/${edition.year}/submit`)
      .type('form')
      .send({ ...pageState(check.text), confirm: 'yes' })
    const resubmitted = (await t.repos.responses.findById(response.id))!
    expect(resubmitted.status).toBe('submitted')
    const stale = await act(reviewer, response.id, 'approve', { version: response.version })
    expect(stale.status).toBe(409)
    await sender.deliverDue()
    expect(smtp.to(officers[0].email).filter((m) => m.subject.includes('approved'))).toEqual([])

    expect((await act(reviewer, response.id, 'approve', { version: resubmitted.version })).status).toBe(302)
    await sender.deliverDue()
    for (const officer of officers)
      expect(smtp.to(officer.email).map((m) => m.subject)).toContain(
        `${city.name}'s ${edition.year} response has been approved`,
      )

    const unapprovedCity = await buildCity(t.repos)
    const bystander = await buildUser(t.repos, { cityId: unapprovedCity.id })
    const answers = generateAnswers(edition.definition, demoCities[12])
    await buildResponse(t.repos, { editionId: edition.id, cityId: unapprovedCity.id, answers })
    const editionPath = `/admin/editions/${edition.year}`
    for (const action of ['close', 'publish'])
      expect(
        (await postForm(reviewer, `${editionPath}/${action}`, `${editionPath}/${action}`, {})).status,
      ).toBe(302)
    await sender.deliverDue()
    for (const officer of officers) {
      const published = smtp.to(officer.email).filter((m) => m.subject.includes('results are published'))
      expect(published).toHaveLength(1)
      expect(published[0].subject).toBe(`The ${edition.year} results are published`)
      const profilePath = linkIn(published[0].text, base)
      expect(profilePath).toBe(`/cities/${city.slug}/${edition.year}`)
      const profile = await officerAgent.get(profilePath)
      expect(profile.status).toBe(200)
      expect(profile.text).toContain(city.name)
    }
    expect(smtp.to(bystander.email)).toEqual([])
    // On PostgreSQL the database is shared: a later file's home page must not show this year.
    await t.repos.editions.updateStatus(edition.id, 'closed')
  })
})
