import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { signedInAgent } from '../support/http'
import { buildOfficer, buildTestEdition, pageState, type Officer } from '../support/collectionFactories'
import { answerToRows } from '../../src/questionnaire/answerCodec'
import type { Edition } from '../../src/questionnaire/editionsRepository'

const t = testApp()
afterAll(() => t.close())

let edition: Edition
let officer: Officer

beforeAll(async () => {
  edition = (await t.repos.editions.findByYear(2026))!
  officer = await buildOfficer(t.repos)
  // The city answered 2020, the edition 2026 was copied from.
  const previous = (await t.repos.editions.findByYear(2020))!
  const response = await t.repos.responses.findOrCreate(previous.id, officer.city.id, null)
  await t.repos.responses.saveAnswers({
    responseId: response.id,
    expectedVersion: response.version,
    questionKeys: ['city.mayor', 'city.population', 'policy_areas'],
    rows: [
      ...answerToRows('city.mayor', { type: 'text', value: 'Mayor of 2020' }),
      ...answerToRows('city.population', { type: 'number', value: 98000 }),
      ...answerToRows('policy_areas', { type: 'multiple', choices: ['health', 'culture'], notes: {} }),
    ],
    event: { type: 'page_saved', actorId: null },
  })
})

describe('starting from last year’s answers', () => {
  it('when the officer opts in for a section, then last year’s answers are copied and marked until the page is saved', async () => {
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    const taskList = await agent.get('/survey/2026')
    expect(taskList.text).toContain('Start from your 2020 answers')
    const token = pageState(taskList.text)._csrf
    const copied = await agent.post('/survey/2026/city/prefill').type('form').send({ _csrf: token })
    expect(copied.status).toBe(302)
    expect(copied.headers.location).toBe('/survey/2026/city/city_facts')
    const page = await agent.get(copied.headers.location)
    expect(page.text).toContain('We copied 2 answers from your 2020 response')
    expect(page.text).toContain('Copied from 2020 — check and save')
    expect(page.text).toContain('value="Mayor of 2020"')
    expect(page.text).toContain('value="98000"')
    const response = (await t.repos.responses.find(edition.id, officer.city.id))!
    expect((await t.repos.responses.answers(response.id)).every((row) => row.prefilled)).toBe(true)
    expect((await agent.get('/survey/2026')).text).toMatch(
      /section-city-status">\s*<strong class="govuk-tag govuk-tag--light-blue">In progress/,
    )

    const saved = await agent
      .post('/survey/2026/city/city_facts')
      .type('form')
      .send({
        ...pageState(page.text),
        'city-mayor': 'Mayor of 2020',
        'city-population': '98000',
        'city-population_year': '2019',
        _action: 'continue',
      })
    expect(saved.status).toBe(302)
    expect((await t.repos.responses.answers(response.id)).some((row) => row.prefilled)).toBe(false)
    expect((await agent.get('/survey/2026/city/city_facts')).text).not.toContain('Copied from 2020')
  })

  it('when a section is copied, then answers already given this year are not overwritten', async () => {
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    const form = await agent.get('/survey/2026/vision/approach')
    await agent
      .post('/survey/2026/vision/approach')
      .type('form')
      .send({ ...pageState(form.text), policy_areas: 'transport_mobility', _action: 'later' })
    const token = pageState(form.text)._csrf
    await agent.post('/survey/2026/vision/prefill').type('form').send({ _csrf: token })
    const page = await agent.get('/survey/2026/vision/approach')
    expect(page.text).toMatch(/value="transport_mobility" checked/)
    expect(page.text).not.toMatch(/value="health" checked/)
  })
})

describe('the offer to start from last year’s answers', () => {
  it('when only some sections can take last year’s answers, then only those are offered, each with how many answers it copies', async () => {
    const other = await buildOfficer(t.repos)
    const previous = (await t.repos.editions.findByYear(2020))!
    const response = await t.repos.responses.findOrCreate(previous.id, other.city.id, null)
    await t.repos.responses.saveAnswers({
      responseId: response.id,
      expectedVersion: response.version,
      questionKeys: ['city.mayor', 'city.population'],
      rows: [
        ...answerToRows('city.mayor', { type: 'text', value: 'Mayor of 2020' }),
        ...answerToRows('city.population', { type: 'number', value: 98000 }),
      ],
      event: { type: 'page_saved', actorId: null },
    })
    const agent = await signedInAgent(t.app, other.user.email, other.user.password)
    const taskList = (await agent.get('/survey/2026')).text
    expect(taskList).toContain('Start from your 2020 answers')
    const offers = [...taskList.matchAll(/action="\/survey\/2026\/([a-z_]+)\/prefill"/g)].map((m) => m[1])
    expect(offers).toEqual(['city'])
    expect(taskList).toMatch(/Copy 2 answers from 2020<span class="govuk-visually-hidden"> into<\/span>: /)
  })

  it('when this year’s questionnaire shares no question with the year it was copied from, then nothing is offered', async () => {
    const unrelated = await buildTestEdition(t.repos)
    await t.knex('editions').where({ id: unrelated.id }).update({ copied_from_year: 2020 })
    try {
      const city = officer.city
      expect(
        await t.repos.responses.find((await t.repos.editions.findByYear(2020))!.id, city.id),
      ).toBeDefined()
      const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
      const taskList = await agent.get(`/survey/${unrelated.year}`)
      expect(taskList.status).toBe(200)
      expect(taskList.text).toContain(unrelated.title)
      expect(taskList.text).not.toContain('Start from your 2020 answers')
      expect(taskList.text).not.toContain('/prefill"')
    } finally {
      await t.knex('editions').where({ id: unrelated.id }).update({ status: 'draft' })
    }
  })
})

describe('a question page stays cheap', () => {
  it('when a signed-in officer opens a question page, then it takes few database queries', async () => {
    const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    await agent.get('/survey/2026/city/city_facts')
    const queries: string[] = []
    const count = (query: { sql: string }) => queries.push(query.sql)
    t.knex.on('query', count)
    const page = await agent.get('/survey/2026/city/city_facts')
    t.knex.off('query', count)
    expect(page.status).toBe(200)
    // Session, user, edition, response, answers.
    expect(queries.length, queries.join('\n')).toBeLessThanOrEqual(5)
  })
})
