import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildUser } from '../support/factories'
import { csrfToken, signIn, signedInAgent, type Agent } from '../support/http'
import { buildOfficer, decodeHtml, pageState, type Officer } from '../support/collectionFactories'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { sessionUserId } from '../support/accountsFactories'

const t = testApp()
afterAll(() => t.close())

let edition: Edition
beforeAll(async () => {
  edition = (await t.repos.editions.findByYear(2026))!
})

const cityFacts = '/survey/2026/city/city_facts'
const facts = (mayor: string) => ({
  'city-mayor': mayor,
  'city-population': '120000',
  'city-population_year': '2019',
})

async function save(
  agent: Agent,
  path: string,
  fields: Record<string, string | string[]>,
  action = 'continue',
) {
  const form = await agent.get(path)
  return agent
    .post(path)
    .type('form')
    .send({ ...pageState(form.text), ...fields, _action: action })
}

async function storedText(officer: Officer, questionKey: string): Promise<string | undefined> {
  const response = await t.repos.responses.find(edition.id, officer.city.id)
  const row =
    response &&
    (await t
      .knex('answers')
      .where({ response_id: response.id, question_key: questionKey })
      .first('value_text'))
  return row?.value_text
}

describe('conditions', () => {
  it('when the strategy question is answered yes, then its description is required; when no, it is not asked', async () => {
    const officer = await buildOfficer(t.repos)
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    const strategy = '/survey/2026/vision/strategy'
    const yes = await save(agent, strategy, { 'strategy-formal': 'yes', 'goals-formal': 'no' })
    expect(yes.status).toBe(400)
    expect(decodeHtml(yes.text)).toContain(
      '<a href="#strategy-description">Enter a short description of the innovation strategy</a>',
    )
    const no = await save(agent, strategy, {
      'strategy-formal': 'no',
      'strategy-description': 'Typed, then changed my mind',
      'goals-formal': 'no',
    })
    expect(no.status).toBe(302)
    expect(await storedText(officer, 'strategy.description')).toBeUndefined()
    const check = await agent.get('/survey/2026/vision/check-answers')
    expect(decodeHtml(check.text)).not.toContain('Describe the innovation strategy')
    expect(decodeHtml(check.text)).toContain('Does the municipality have a formal innovation strategy?')
  })

  it('when a page’s condition does not hold, then the journey skips it and a direct visit moves on', async () => {
    const officer = await buildOfficer(t.repos)
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    const saved = await save(agent, '/survey/2026/funding/funding', { 'funding-has_dedicated': 'no' })
    expect(saved.headers.location).toBe('/survey/2026/funding/check-answers')
    const skipped = await agent.get('/survey/2026/funding/funding_details')
    expect(skipped.status).toBe(302)
    expect(skipped.headers.location).toBe('/survey/2026/funding/check-answers')
    await save(agent, '/survey/2026/funding/funding', { 'funding-has_dedicated': 'yes' })
    expect((await agent.get('/survey/2026/funding/funding_details')).status).toBe(200)
  })
})

describe('several officers, one response', () => {
  it('when a second officer saves the same page from an older version, then their input is kept beside what the first saved, and saving again applies it', async () => {
    const first = await buildOfficer(t.repos)
    const second = await buildUser(t.repos, { cityId: first.city.id })
    const alice = await signedInAgent(t.app, first.user.email, first.user.password)
    const bob = await signedInAgent(t.app, second.email, second.password)
    const alicePage = await alice.get(cityFacts)
    const bobPage = await bob.get(cityFacts)
    expect(
      (
        await alice
          .post(cityFacts)
          .type('form')
          .send({ ...pageState(alicePage.text), ...facts('Mayor Alice') })
      ).status,
    ).toBe(302)
    const conflict = await bob
      .post(cityFacts)
      .type('form')
      .send({ ...pageState(bobPage.text), ...facts('Mayor Bob') })
    expect(conflict.status).toBe(409)
    expect(conflict.text).toContain('saved changes to this page')
    expect(conflict.text).toMatch(new RegExp(`Test ${first.user.email.split('@')[0]} saved`))
    expect(conflict.text).toContain('Mayor Alice')
    expect(conflict.text).toContain('value="Mayor Bob"')
    expect(await storedText(first, 'city.mayor')).toBe('Mayor Alice')
    const again = await bob
      .post(cityFacts)
      .type('form')
      .send({ ...pageState(conflict.text), ...facts('Mayor Bob') })
    expect(again.status).toBe(302)
    expect(await storedText(first, 'city.mayor')).toBe('Mayor Bob')
  })

  it('when two officers save different pages from the same version, then both saves apply', async () => {
    const first = await buildOfficer(t.repos)
    const second = await buildUser(t.repos, { cityId: first.city.id })
    const alice = await signedInAgent(t.app, first.user.email, first.user.password)
    const bob = await signedInAgent(t.app, second.email, second.password)
    const alicePage = await alice.get(cityFacts)
    expect(
      (await save(bob, '/survey/2026/outcomes/evaluation', { 'outcomes-evaluation': 'partial' })).status,
    ).toBe(302)
    const saved = await alice
      .post(cityFacts)
      .type('form')
      .send({ ...pageState(alicePage.text), ...facts('Mayor Alice') })
    expect(saved.status).toBe(302)
    expect(await storedText(first, 'city.mayor')).toBe('Mayor Alice')
  })
})

describe('an expired session loses nothing', () => {
  async function expireSessionOf(userId: number) {
    for (const row of await t.knex('sessions').select('sid', 'sess')) {
      const sess = typeof row.sess === 'string' ? JSON.parse(row.sess) : row.sess
      if (sessionUserId(sess) !== userId) continue
      sess.lastSeen = Date.now() - 3 * 60 * 60_000
      await t
        .knex('sessions')
        .where({ sid: row.sid })
        .update({ sess: JSON.stringify(sess) })
    }
  }

  it('when the session has expired at save, then sign-in returns to the page with the typed input restored, ready to save', async () => {
    const officer = await buildOfficer(t.repos)
    const agent = request.agent(t.app)
    await signIn(agent, officer.user.email, officer.user.password)
    const page = await agent.get(cityFacts)
    await expireSessionOf(officer.user.id)
    const posted = await agent
      .post(cityFacts)
      .type('form')
      .send({ ...pageState(page.text), ...facts('Mayor Kept'), _action: 'continue' })
    expect(posted.status).toBe(302)
    expect(posted.headers.location).toBe('/login')
    expect((await agent.get('/login')).text).toContain('anything you were saving has been kept')
    expect(await storedText(officer, 'city.mayor')).toBeUndefined()
    const signedIn = await signIn(agent, officer.user.email, officer.user.password)
    expect(signedIn.headers.location).toBe(cityFacts)
    const restored = await agent.get(cityFacts)
    expect(restored.text).toContain('We kept what you typed. Check it and save.')
    expect(restored.text).toContain('value="Mayor Kept"')
    const saved = await agent
      .post(cityFacts)
      .type('form')
      .send({ ...pageState(restored.text), ...facts('Mayor Kept'), _action: 'continue' })
    expect(saved.status).toBe(302)
    expect(await storedText(officer, 'city.mayor')).toBe('Mayor Kept')
    // Taken once: the next visit shows the saved answers without the notice.
    expect((await agent.get(cityFacts)).text).not.toContain('We kept what you typed')
  })

  it('when someone of another city signs in on that browser, then the kept input is not shown to them', async () => {
    const officer = await buildOfficer(t.repos)
    const stranger = await buildOfficer(t.repos)
    const agent = request.agent(t.app)
    await signIn(agent, officer.user.email, officer.user.password)
    const page = await agent.get(cityFacts)
    await expireSessionOf(officer.user.id)
    await agent
      .post(cityFacts)
      .type('form')
      .send({ ...pageState(page.text), ...facts('Private Mayor') })
    await signIn(agent, stranger.user.email, stranger.user.password)
    const theirs = await agent.get(cityFacts)
    expect(theirs.status).toBe(200)
    expect(theirs.text).not.toContain('Private Mayor')
    expect(theirs.text).not.toContain('We kept what you typed')
  })
})

describe('submitting', () => {
  it('when required answers are missing, then submit is refused with a list linking to each missing question', async () => {
    const officer = await buildOfficer(t.repos)
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    await save(agent, cityFacts, facts('Mayor Early'))
    const check = await agent.get('/survey/2026/check-answers')
    expect(check.text).toContain('required questions have no answer yet')
    expect(check.text).not.toContain('Submit survey response')
    const token = await csrfToken(agent, '/survey/2026/check-answers')
    const refused = await agent
      .post('/survey/2026/submit')
      .type('form')
      .send({ _csrf: token, _version: '1', confirm: 'yes' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<title>Error: Check your answers before submitting')
    expect(decodeHtml(refused.text)).toContain(
      'href="/survey/2026/vision/strategy?returnTo=check-answers#strategy-formal">Select yes if the municipality has a formal innovation strategy</a>',
    )
    expect(refused.text).not.toContain('Enter the name of the mayor')
    expect((await t.repos.responses.find(edition.id, officer.city.id))!.status).toBe('in_progress')
  })

  it('when a "Change" link is followed from check answers, then saving returns to check answers, and the section says once who changed it last', async () => {
    const officer = await buildOfficer(t.repos)
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    await save(agent, cityFacts, facts('Mayor First'))
    const check = await agent.get('/survey/2026/check-answers')
    expect(check.text).toContain(`href="${cityFacts}?returnTo=check-answers#city-mayor"`)
    expect(check.text).toMatch(/Last changed by Test user-[^ ]+ on/)
    // Once for the section that has answers, each answer's change on demand.
    expect(check.text.match(/Last changed by/g)).toHaveLength(1)
    expect(check.text).toContain('Who changed each answer')
    const changed = await save(agent, `${cityFacts}?returnTo=check-answers`, facts('Mayor Second'))
    expect(changed.headers.location).toBe('/survey/2026/check-answers')
    const ignored = await save(agent, `${cityFacts}?returnTo=https://evil.example`, facts('Mayor Third'))
    expect(ignored.headers.location).toBe('/survey/2026/city/city_people')
  })
})
