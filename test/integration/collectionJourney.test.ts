import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { signedInAgent, type Agent } from '../support/http'
import { buildOfficer, decodeHtml, isOnPage, pageState, validFields } from '../support/collectionFactories'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { fieldId } from '../../src/questionnaire/formCodec'
import { formatDeadline } from '../../src/shared/deadline'

const t = testApp()
afterAll(() => t.close())

let edition: Edition
let enschedeId: number

beforeAll(async () => {
  edition = (await t.repos.editions.findByYear(2026))!
  enschedeId = (await t.repos.cities.findBySlug('enschede-nld'))!.id
  // This file owns Enschede's 2026 response (the PostgreSQL database is shared between files).
  await t.knex('responses').where({ edition_id: edition.id, city_id: enschedeId }).delete()
})

/** Answers one page from the definition alone, whatever its questions, and returns where the save led. */
async function answerPage(agent: Agent, path: string): Promise<string> {
  const page = await agent.get(path)
  expect(page.status, `GET ${path}`).toBe(200)
  const placed = edition.definition.sections
    .flatMap((s) => s.pages.map((p) => ({ s, p })))
    .find(({ s, p }) => path.endsWith(`/${s.key}/${p.key}`))!
  const fields = Object.assign(
    {},
    ...placed.p.questions.filter((q) => isOnPage(page.text, q)).map((q) => validFields(q, edition.year)),
  )
  const saved = await agent
    .post(path)
    .type('form')
    .send({ ...pageState(page.text), ...fields, _action: 'continue' })
  expect(
    saved.status,
    `${path}: ${decodeHtml(saved.text).match(/govuk-error-summary__list">([\s\S]*?)<\/ul>/)?.[1] ?? ''}`,
  ).toBe(302)
  return saved.headers.location
}

describe('the officer journey through the 2026 demo edition', () => {
  it('when Enschede’s officer answers every page and submits, then the response is submitted with their name and a reference', async () => {
    const agent = await signedInAgent(t.app, 'enschede.officer@example.org', DEMO_PASSWORD)
    const start = await agent.get('/survey')
    expect(start.status).toBe(302)
    // The latest open year (on PostgreSQL other test files may have opened later ones).
    const openYears = (await t.repos.editions.list()).filter((e) => e.status === 'open').map((e) => e.year)
    expect(start.headers.location).toBe(`/survey/${Math.max(...openYears)}`)
    const taskList = await agent.get('/survey/2026')
    expect(taskList.text).toContain('Not yet started')
    expect(taskList.text).toContain(formatDeadline(edition.closesAt!, edition.timeZone))
    for (const section of edition.definition.sections) {
      let next = `/survey/2026/${section.key}/${section.pages[0].key}`
      let guard = 0
      while (!next.endsWith('/check-answers') && guard++ < 20) next = await answerPage(agent, next)
      expect(next).toBe(`/survey/2026/${section.key}/check-answers`)
      const check = await agent.get(next)
      expect(check.status).toBe(200)
      expect(check.text).toContain('Check your answers')
      expect(check.text).toContain('Last changed by Enschede Officer')
    }
    const done = await agent.get('/survey/2026')
    expect(done.text.match(/>\s*Completed\s*</g)?.length).toBe(edition.definition.sections.length)
    expect(done.text).toContain('Ready to submit')

    const check = await agent.get('/survey/2026/check-answers')
    expect(check.text).toContain('I confirm I am submitting on behalf of Enschede')
    const submitted = await agent
      .post('/survey/2026/submit')
      .type('form')
      .send({ ...pageState(check.text), confirm: 'yes' })
    expect(submitted.status).toBe(302)
    expect(submitted.headers.location).toMatch(/^\/survey\/2026\/confirmation\/CIS-2026-\d{6}$/)
    const confirmation = await agent.get(submitted.headers.location)
    expect(confirmation.text).toContain('Survey response submitted')
    expect(confirmation.text).toContain(submitted.headers.location.split('/').pop())
    expect(confirmation.text).toContain('What happens next')
    const response = (await t.repos.responses.find(edition.id, enschedeId))!
    expect(response.status).toBe('submitted')
    expect(response.submittedByName).toBe('Enschede Officer')
    expect((await t.repos.responses.events(response.id)).map((e) => e.type)).toContain('submitted')

    const printable = await agent.get('/survey/2026/answers')
    expect(printable.status).toBe(200)
    expect(decodeHtml(printable.text)).toContain(edition.definition.sections[0].pages[0].questions[0].label)
  })

  it('when the response is submitted, then pages are read-only and a save is refused with a clear message', async () => {
    const agent = await signedInAgent(t.app, 'enschede.officer@example.org', DEMO_PASSWORD)
    const [section] = edition.definition.sections
    const path = `/survey/2026/${section.key}/${section.pages[0].key}`
    const page = await agent.get(path)
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('Save and continue')
    expect(page.text).toContain('has been submitted, so it cannot be changed')
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1]
    const refused = await agent
      .post(path)
      .type('form')
      .send({ _csrf: token, _version: '1', [fieldId('city.mayor')]: 'Someone Else' })
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('Your answers were not saved')
    const mayor = await t
      .knex('answers')
      .join('responses', 'responses.id', 'answers.response_id')
      .where({
        'responses.city_id': enschedeId,
        'responses.edition_id': edition.id,
        question_key: 'city.mayor',
      })
      .first('value_text')
    expect(mayor.value_text).not.toBe('Someone Else')
  })

  it('when an admin returns the response with comments, then the officer sees them and can change answers again', async () => {
    const response = (await t.repos.responses.find(edition.id, enschedeId))!
    await t.repos.responses.transition(
      response.id,
      response.version,
      { status: 'returned' },
      { type: 'returned', actorId: null },
    )
    const at = new Date().toISOString()
    await t.knex('review_comments').insert([
      {
        response_id: response.id,
        question_key: 'city.population',
        body: 'Please give the 2025 population figure.',
        created_at: at,
      },
      {
        response_id: response.id,
        question_key: null,
        body: 'Nearly there: one figure to update.',
        created_at: at,
      },
    ])
    const agent = await signedInAgent(t.app, 'enschede.officer@example.org', DEMO_PASSWORD)
    const taskList = await agent.get('/survey/2026')
    expect(taskList.text).toContain('Your response was returned for changes')
    expect(taskList.text).toContain('Nearly there: one figure to update.')
    expect(taskList.text).toContain('1 comment is shown beside the question it concerns.')
    expect(taskList.text).toContain('There is a problem')
    const page = await agent.get('/survey/2026/city/city_facts')
    expect(page.text).toContain('Please give the 2025 population figure.')
    expect(page.text).toContain('Save and continue')
    const saved = await agent
      .post('/survey/2026/city/city_facts')
      .type('form')
      .send({
        ...pageState(page.text),
        ...validFields(edition.definition.sections[0].pages[0].questions[0], 2026),
        [fieldId('city.population')]: '160,500',
        [fieldId('city.population_year')]: '2020',
        _action: 'continue',
      })
    expect(saved.status).toBe(302)
    expect((await agent.get('/survey/2026')).text).not.toContain('There is a problem')
    expect(
      await t
        .knex('answers')
        .where({ response_id: response.id, question_key: 'city.population' })
        .first('value_number'),
    ).toEqual({ value_number: 160500 })
  })

  it('when an officer of another city asks for Enschede’s confirmation, then it is not found', async () => {
    const other = await buildOfficer(t.repos)
    const agent = await signedInAgent(t.app, other.user.email, other.user.password)
    const response = (await t.repos.responses.find(edition.id, enschedeId))!
    const reference = `CIS-2026-${String(response.id).padStart(6, '0')}`
    const page = await agent.get(`/survey/2026/confirmation/${reference}`)
    expect(page.status).toBe(404)
    expect(page.text).not.toContain('Enschede')
    expect((await agent.get('/survey/2026')).text).not.toContain('Enschede')
  })

  it('when a visitor is not signed in, then the survey sends them to sign in', async () => {
    const response = await request(t.app).get('/survey/2026')
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/login')
  })
})
