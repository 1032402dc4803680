import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { csrfToken, signedInAgent, type Agent } from '../support/http'
import { buildEdition, buildResponse, freeYear } from '../support/authoringFactories'
import { allQuestions } from '../../src/questionnaire/definitionModel'
import { optionLists } from '../../src/questionnaire/authoring/optionLists'
import type { Definition } from '../../src/questionnaire/definitionSchema'

const t = testApp()
let admin: Agent
beforeAll(async () => {
  admin = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
})
afterAll(() => t.close())

const base = (year: number) => `/admin/editions/${year}/questionnaire`
const post = async (path: string, fields: Record<string, unknown>, formPath = path) =>
  admin
    .post(path)
    .type('form')
    .send({ _csrf: await csrfToken(admin, formPath), ...fields })
const definitionOf = async (year: number) => (await t.repos.editions.findByYear(year))!.definition
const changeCount = async (editionId: number) => (await t.repos.definitionChanges.list(editionId)).length

/** Every question key with its option keys, to compare editions' keys. */
const keysOf = (definition: Definition) =>
  allQuestions(definition).map(({ question }) => [
    question.key,
    optionLists(question).map((list) => list.options.map((o) => o.key)),
  ])

describe('a new survey year', () => {
  it('when an administrator copies 2020 into a new year, then it is a draft with every key of 2020', async () => {
    const year = await freeYear(t.repos)
    const response = await post('/admin/editions/new', { year: String(year), title: '', copyFrom: '2020' })
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe(base(year))
    const edition = (await t.repos.editions.findByYear(year))!
    expect(edition.status).toBe('draft')
    expect(edition.copiedFromYear).toBe(2020)
    expect(edition.definition.copiedFrom).toBe(2020)
    expect(keysOf(edition.definition)).toEqual(keysOf(await definitionOf(2020)))
    const history = await t.repos.definitionChanges.list(edition.id)
    expect(history.map((c) => c.summary)).toEqual([
      `Created the ${year} edition by copying the 2020 questionnaire`,
    ])
    const overview = await admin.get(base(year))
    expect(overview.text).toContain(`The ${year} survey year was created as a draft`)
    expect(overview.text).toContain('funding.activities')
  })

  it('when an administrator starts from a blank with demo data present, then no question of the earlier years comes with it', async () => {
    const form = (await admin.get('/admin/editions/new')).text
    expect(form).toContain('Start from a blank questionnaire')
    expect(form).toContain('Copy an earlier edition')
    expect(form).toContain('Import a JSON file')
    const year = await freeYear(t.repos)
    const response = await post('/admin/editions/new', {
      year: String(year),
      start: 'blank',
      copyFrom: '2020',
    })
    expect(response.status).toBe(302)
    const edition = (await t.repos.editions.findByYear(year))!
    expect(edition.copiedFromYear).toBeNull()
    expect(allQuestions(edition.definition).map(({ question }) => question.key)).toEqual([
      'section_1.question_1',
    ])
  })

  it('when the year is taken or not a year, then the form says so and keeps the input', async () => {
    const taken = await post('/admin/editions/new', { year: '2020', title: 'Again', copyFrom: '2018' })
    expect(taken.status).toBe(400)
    expect(taken.text).toContain('There is already a 2020 edition')
    expect(taken.text).toContain('value="Again"')
    const bad = await post('/admin/editions/new', { year: '20x0', copyFrom: '2020' })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Enter the year as 4 digits, like 2030')
  })

  it('when an officer opens the editor, then they are refused', async () => {
    const officer = await signedInAgent(t.app, 'enschede.officer@example.org', DEMO_PASSWORD)
    expect((await officer.get(base(2020))).status).toBe(403)
    expect((await request(t.app).get(`${base(2020)}.json`)).status).toBe(302)
  })
})

describe('editing once answers exist', () => {
  it('when an option and a question are added to a year with responses, then both are saved and recorded', async () => {
    const edition = await buildEdition(t.repos)
    await buildResponse(t.repos, edition.id, {
      'funding.activities': { type: 'multiple', choices: ['idea_generation'], notes: {} },
    })
    const events: string[] = []
    t.services.events.subscribe(async (id, change) => {
      if (id === edition.id) events.push(change)
    })
    const optionForm = `${base(edition.year)}/questions/funding.activities/options/new`
    const added = await post(optionForm, {
      label: 'Buying equipment',
      key: 'buying_equipment',
      availability: 'all',
    })
    expect(added.status).toBe(302)
    const questionForm = `${base(edition.year)}/pages/funding_details/questions/new`
    const question = await post(questionForm, {
      key: 'funding.amount',
      type: 'number',
      label: 'How much funding is there?',
      required: 'true',
    })
    expect(question.status).toBe(302)
    expect(question.headers.location).toBe(`${base(edition.year)}/questions/funding.amount`)
    const definition = await definitionOf(edition.year)
    const keys = allQuestions(definition).map((p) => p.question.key)
    expect(keys).toContain('funding.amount')
    const activities = allQuestions(definition).find((p) => p.question.key === 'funding.activities')!.question
    expect('options' in activities && activities.options.map((o) => o.key)).toContain('buying_equipment')
    const summaries = (await t.repos.definitionChanges.list(edition.id)).map((c) => c.summary)
    expect(summaries).toEqual([
      'Added question “How much funding is there?” (funding.amount) to page funding_details',
      'Added option “Buying equipment” to funding.activities',
    ])
    expect(events).toEqual(['definition_changed', 'definition_changed'])
  })

  it('when an answered option is removed, then it is refused with the number of responses, and nothing changes', async () => {
    const edition = await buildEdition(t.repos)
    for (const choices of [['idea_generation'], ['idea_generation', 'digital_systems']]) {
      await buildResponse(t.repos, edition.id, {
        'funding.activities': { type: 'multiple', choices, notes: {} },
      })
    }
    const path = `${base(edition.year)}/questions/funding.activities/options/idea_generation/remove`
    const confirm = await admin.get(path)
    expect(confirm.text).toContain('is used in 2 responses')
    expect(confirm.text).not.toContain('Yes, remove it')
    const before = await definitionOf(edition.year)
    const refused = await post(path, {}, `${base(edition.year)}/questions/funding.activities`)
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Idea generation &amp; brainstorming')
    expect(refused.text).toContain('is used in 2 responses, so it cannot be removed')
    expect(await definitionOf(edition.year)).toEqual(before)
    expect(await changeCount(edition.id)).toBe(0)

    const unanswered = await post(
      `${base(edition.year)}/questions/funding.activities/options/physical_infrastructure/remove`,
      {},
      base(edition.year),
    )
    expect(unanswered.status).toBe(302)
  })

  it('when an answered 2020 option is about to be removed, then the confirmation page gives the count from the demo responses', async () => {
    const page = await admin.get(`${base(2020)}/questions/funding.activities/options/idea_generation/remove`)
    expect(page.status).toBe(200)
    expect(page.text).toMatch(/is used in \d+ responses, so it cannot be removed/)
  })

  it('when an answered option is marked as no longer offered from a later year, then it stays for its answers', async () => {
    const edition = await buildEdition(t.repos)
    await buildResponse(t.repos, edition.id, {
      'funding.activities': { type: 'multiple', choices: ['digital_systems'], notes: {} },
    })
    const form = `${base(edition.year)}/questions/funding.activities/options/digital_systems`
    const response = await post(`${form}/retire`, { from: String(edition.year) }, form)
    expect(response.status).toBe(302)
    const activities = allQuestions(await definitionOf(edition.year)).find(
      (p) => p.question.key === 'funding.activities',
    )!.question
    const option =
      'options' in activities ? activities.options.find((o) => o.key === 'digital_systems') : undefined
    expect(option?.availableIn).toEqual(
      (await t.repos.editions.list())
        .map((e) => e.year)
        .filter((y) => y < edition.year)
        .sort((a, b) => a - b),
    )
  })
})

describe('the editor forms', () => {
  it('when a question is saved with problems, then each shows beside its field with the input kept', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const form = `${base(edition.year)}/questions/funding.activities`
    const response = await post(form, {
      key: 'funding.activities',
      label: '',
      hint: 'Kept hint',
      maxChoices: 'lots',
      conditionQuestion: 'funding.has_dedicated',
    })
    expect(response.status).toBe(400)
    expect(response.text).toContain('<title>Error: ')
    expect(response.text).toContain('href="#maxChoices"')
    expect(response.text).toContain('Enter the most choices as a number, like 10')
    expect(response.text).toContain('Kept hint')
    const empty = await post(form, {
      key: 'funding.activities',
      label: '',
      conditionQuestion: 'funding.has_dedicated',
    })
    expect(empty.text).toContain('id="label-error"')
    expect(empty.text).toContain('Enter the text')
    expect(empty.text).toContain('href="#conditionAnswers"')
  })

  it('when the overview of 2020 is shown, then it lists sections, pages, questions and their answer counts', async () => {
    const response = await admin.get(base(2020))
    expect(response.status).toBe(200)
    expect(response.text).toContain('funding.activities')
    expect(response.text).toMatch(/\d+ responses<\/td>/)
    expect(response.text).toContain('Shown when')
  })

  it('when a move names no known direction, then it is refused plainly and nothing moves', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const before = await definitionOf(edition.year)
    const refused = await post(
      `${base(edition.year)}/questions/funding.activities/move`,
      { direction: 'sideways' },
      base(edition.year),
    )
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Choose whether to move it up or down')
    expect(await definitionOf(edition.year)).toEqual(before)
  })

  it('when a question is moved and its profile presentation changed, then both are stored', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const moved = await post(
      `${base(edition.year)}/questions/funding.activities/move`,
      { direction: 'up' },
      base(edition.year),
    )
    expect(moved.status).toBe(302)
    const page = (await definitionOf(edition.year)).sections
      .flatMap((s) => s.pages)
      .find((p) => p.key === 'funding_details')!
    expect(page.questions.map((q) => q.key).indexOf('funding.activities')).toBe(0)
    const form = `${base(edition.year)}/questions/funding.has_dedicated`
    const editPage = await admin.get(form)
    expect(editPage.text).toContain('name="profileSentences"')
    const saved = await post(form, {
      key: 'funding.has_dedicated',
      label: 'Does the city have dedicated funding?',
      required: 'true',
      pageKey: 'funding',
      profileSection: 'funding',
      profileDisplay: 'sentence',
      profileSentences: 'equals=yes | Like {share} of cities surveyed, {city} has dedicated funding.',
      profileChart: 'true',
      profileChartTitle: 'Dedicated funding',
    })
    expect(saved.status).toBe(302)
    const question = allQuestions(await definitionOf(edition.year)).find(
      (p) => p.question.key === 'funding.has_dedicated',
    )!.question
    expect(question.profile).toMatchObject({
      section: 'funding',
      chart: { title: 'Dedicated funding' },
      sentences: [{ when: { equals: 'yes' } }],
    })
  })

  it('when someone else saved since the form was opened, then the form comes back with the input kept and saves on the second try', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const form = `${base(edition.year)}/sections/funding`
    const stale = edition.updatedAt
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect((await post(form, { key: 'funding', title: 'Theirs' })).status).toBe(302)
    const mine = await post(form, { key: 'funding', title: 'Mine', basedOn: stale })
    expect(mine.status).toBe(400)
    expect(mine.text).toContain('Someone else changed this questionnaire since you opened this page')
    expect(mine.text).toContain('value="Mine"')
    const basedOn = /name="basedOn" value="([^"]+)"/.exec(mine.text)![1]
    expect((await post(form, { key: 'funding', title: 'Mine', basedOn })).status).toBe(302)
    expect((await definitionOf(edition.year)).sections.find((s) => s.key === 'funding')!.title).toBe('Mine')
  })
})
