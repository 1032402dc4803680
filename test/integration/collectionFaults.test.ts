import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Knex } from 'knex'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { signIn, signedInAgent, type Agent } from '../support/http'
import { sessionUserId } from '../support/accountsFactories'
import { buildOfficer, decodeHtml, pageState, type Officer } from '../support/collectionFactories'

const t = testApp({ SESSION_IDLE_MINUTES: '1' })
afterAll(() => t.close())

const cityFacts = '/survey/2026/city/city_facts'
const typed = { 'city-mayor': 'Mayor Kept-Safe', 'city-population': '123456', 'city-population_year': '2019' }

let edition: { id: number }
beforeAll(async () => {
  edition = (await t.repos.editions.findByYear(2026))!
})

async function storedMayor(officer: Officer): Promise<string | undefined> {
  const response = await t.repos.responses.find(edition.id, officer.city.id)
  if (!response) return undefined
  const row = await t.knex('answers').where({ response_id: response.id, question_key: 'city.mayor' }).first()
  return row?.value_text
}

async function sessionRowsOf(userId: number): Promise<Array<{ sid: string; sess: string | object }>> {
  const rows: Array<{ sid: string; sess: string | object }> = await t.knex('sessions').select('sid', 'sess')
  return rows.filter((row) => sessionUserId(row.sess as string) === userId)
}

async function openPage(officer: Officer): Promise<{ agent: Agent; state: Record<string, string> }> {
  const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
  const form = await agent.get(cityFacts)
  expect(form.status).toBe(200)
  return { agent, state: pageState(form.text) }
}

describe('a save whose session vanished', () => {
  it('when the session row is gone before the officer saves, then the typed answers come back after signing in again, unsaved until they save', async () => {
    const officer = await buildOfficer(t.repos)
    const { agent, state } = await openPage(officer)
    await t
      .knex('sessions')
      .whereIn(
        'sid',
        (await sessionRowsOf(officer.user.id)).map((r) => r.sid),
      )
      .del()

    const post = await agent
      .post(cityFacts)
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ ...state, ...typed, _action: 'continue' })
    expect(post.status).toBe(302)
    expect(post.headers.location).toBe('/login')
    expect(await storedMayor(officer)).toBeUndefined()

    const login = await agent.get('/login')
    expect(login.text).toContain('anything you were saving has been kept')
    const signedIn = await signIn(agent, officer.user.email, officer.user.password)
    expect(signedIn.headers.location).toBe(cityFacts)
    const page = decodeHtml((await agent.get(cityFacts)).text)
    expect(page).toContain('We kept what you typed. Check it and save.')
    expect(page).toContain('value="Mayor Kept-Safe"')
    expect(await storedMayor(officer)).toBeUndefined()
  })

  it('when a save with no valid session comes from another site, then it is refused and nothing is kept', async () => {
    const officer = await buildOfficer(t.repos)
    const { agent, state } = await openPage(officer)
    await t
      .knex('sessions')
      .whereIn(
        'sid',
        (await sessionRowsOf(officer.user.id)).map((r) => r.sid),
      )
      .del()
    const post = await agent
      .post(cityFacts)
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ ...state, ...typed, _action: 'continue' })
    expect(post.status).toBe(403)
    expect(post.text).toContain('Your form could not be checked')
  })
})

describe('which refused forms are kept for after sign-in', () => {
  /** An officer's open questionnaire page whose session row has gone, so its token cannot be checked. */
  async function orphanedPage() {
    const officer = await buildOfficer(t.repos)
    const { agent, state } = await openPage(officer)
    await t
      .knex('sessions')
      .whereIn(
        'sid',
        (await sessionRowsOf(officer.user.id)).map((r) => r.sid),
      )
      .del()
    return { officer, agent, state }
  }

  it('when a browser that sends no Sec-Fetch-Site posts with this site’s own Origin, then the save is kept; with another Origin, or none, it is refused', async () => {
    const kept = await orphanedPage()
    const post = await kept.agent
      .post(cityFacts)
      .set('Host', 'survey.example')
      .set('Origin', 'http://survey.example')
      .type('form')
      .send({ ...kept.state, ...typed, _action: 'continue' })
    expect([post.status, post.headers.location]).toEqual([302, '/login'])
    expect((await kept.agent.get('/login')).text).toContain('anything you were saving has been kept')

    for (const origin of ['http://evil.example', undefined]) {
      const refused = await orphanedPage()
      let request = refused.agent.post(cityFacts).set('Host', 'survey.example')
      if (origin) request = request.set('Origin', origin)
      const answer = await request.type('form').send({ ...refused.state, ...typed, _action: 'continue' })
      expect(answer.status, origin ?? 'no Origin').toBe(403)
      expect(answer.text).toContain('Your form could not be checked')
    }
  })

  it('when a signed-in officer’s page, or a form outside the questionnaire, comes from this site with a token that does not check, then it is refused, not kept', async () => {
    const officer = await buildOfficer(t.repos)
    const { agent, state } = await openPage(officer)
    const signedIn = await agent
      .post(cityFacts)
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ ...state, ...typed, _csrf: 'not-this-session’s-token', _action: 'continue' })
    expect(signedIn.status).toBe(403)
    expect(await storedMayor(officer)).toBeUndefined()

    const visitor = request.agent(t.app)
    await visitor.get('/login')
    const outside = await visitor
      .post('/forgot-password')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ _csrf: 'a-guess', email: officer.user.email })
    expect(outside.status).toBe(403)
    expect(outside.text).toContain('Your form could not be checked')
  })
})

describe('the idle clock', () => {
  it('when an officer is active 20 seconds after their last request, then the idle clock is refreshed (limit 1 minute)', async () => {
    const officer = await buildOfficer(t.repos)
    const { agent } = await openPage(officer)
    const [row] = await sessionRowsOf(officer.user.id)
    const sess = typeof row.sess === 'string' ? JSON.parse(row.sess) : row.sess
    const earlier = Date.now() - 20_000
    sess.lastSeen = earlier
    await t
      .knex('sessions')
      .where({ sid: row.sid })
      .update({ sess: JSON.stringify(sess) })

    expect((await agent.get('/survey/2026')).status).toBe(200)
    const [after] = await sessionRowsOf(officer.user.id)
    const refreshed = (typeof after.sess === 'string' ? JSON.parse(after.sess) : after.sess).lastSeen
    expect(refreshed).toBeGreaterThan(earlier + 15_000)
  })
})

/**
 * Makes the database refuse to write answers with a full disk's error, until the returned function
 * is called. (A trigger: SQLite's max_page_count still let small rows into pages with free space.)
 */
async function refuseWrites(knex: Knex): Promise<() => Promise<void>> {
  if (knex.client.config.client === 'sqlite3') {
    for (const event of ['insert', 'update', 'delete'])
      await knex.raw(`create trigger cis_test_disk_full_${event} before ${event} on answers
        begin select raise(abort, 'SQLITE_FULL: database or disk is full'); end`)
    return async () => {
      for (const event of ['insert', 'update', 'delete'])
        await knex.raw(`drop trigger cis_test_disk_full_${event}`)
    }
  }
  await knex.raw(`create or replace function cis_test_disk_full() returns trigger as $$
    begin raise exception 'could not extend file: No space left on device'; end $$ language plpgsql`)
  await knex.raw(`create trigger cis_test_disk_full before insert or update or delete on answers
    for each statement execute function cis_test_disk_full()`)
  return async () => {
    await knex.raw('drop trigger cis_test_disk_full on answers')
    await knex.raw('drop function cis_test_disk_full()')
  }
}

describe('a database that refuses the write', () => {
  it('when the disk is full, then the save answers 503 with the typed answers shown back, and saving again later works', async () => {
    const officer = await buildOfficer(t.repos)
    const { agent, state } = await openPage(officer)
    const restore = await refuseWrites(t.knex)
    let refused
    try {
      refused = await agent
        .post(cityFacts)
        .type('form')
        .send({ ...state, ...typed, _action: 'continue' })
    } finally {
      await restore()
    }
    expect(refused.status).toBe(503)
    const page = decodeHtml(refused.text)
    expect(page).toContain('Your answers were not saved. Try again.')
    expect(page).toContain('value="123456"')
    expect(await storedMayor(officer)).toBeUndefined()

    const again = await agent
      .post(cityFacts)
      .type('form')
      .send({ ...pageState(refused.text), ...typed, _action: 'continue' })
    expect(again.status).toBe(302)
    expect(await storedMayor(officer)).toBe('Mayor Kept-Safe')
  })
})
