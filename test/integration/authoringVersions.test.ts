import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { csrfToken, signedInAgent, type Agent } from '../support/http'
import { buildEdition, buildResponse } from '../support/authoringFactories'

const t = testApp()
let admin: Agent
beforeAll(async () => {
  admin = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
})
afterAll(() => t.close())

const base = (year: number) => `/admin/editions/${year}/questionnaire`
const importJson = async (year: number, definition: string) =>
  admin
    .post(`${base(year)}/import`)
    .type('form')
    .send({ _csrf: await csrfToken(admin, `${base(year)}/import`), definition })
const storedJson = async (year: number) =>
  JSON.stringify((await t.repos.editions.findByYear(year))!.definition)

describe('import and export', () => {
  it('when a definition is exported and imported again, then it is the same definition', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const exported = await admin.get(`/admin/editions/${edition.year}/questionnaire.json`)
    expect(exported.status).toBe(200)
    expect(exported.headers['content-disposition']).toBe(
      `attachment; filename=questionnaire-${edition.year}.json`,
    )
    expect(exported.headers['content-type']).toMatch(/^application\/json/)
    const before = await storedJson(edition.year)
    const response = await importJson(edition.year, exported.text)
    expect(response.status).toBe(302)
    expect(await storedJson(edition.year)).toBe(before)
    expect(JSON.parse(exported.text)).toEqual(JSON.parse(before))
  })

  it('when an edited export is imported, then the change is stored and recorded', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const definition = JSON.parse(
      (await admin.get(`/admin/editions/${edition.year}/questionnaire.json`)).text,
    )
    definition.sections[0].title = 'About the city, reworded'
    const response = await importJson(edition.year, JSON.stringify(definition, null, 2))
    expect(response.status).toBe(302)
    expect((await t.repos.editions.findByYear(edition.year))!.definition.sections[0].title).toBe(
      'About the city, reworded',
    )
    expect((await t.repos.definitionChanges.list(edition.id))[0].summary).toMatch(/^Imported a definition/)
  })

  it('when a definition with three different errors is imported, then all three are reported with their paths and nothing changes', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const definition = JSON.parse(
      (await admin.get(`/admin/editions/${edition.year}/questionnaire.json`)).text,
    )
    const questions = definition.sections.flatMap((s: { pages: { questions: unknown[] }[] }) =>
      s.pages.flatMap((p) => p.questions),
    )
    const activities = questions.find((q: { key: string }) => q.key === 'funding.activities')
    activities.options[1].key = activities.options[0].key
    activities.condition = { question: 'funding.no_such_question', anyOf: ['yes'] }
    // A year no edition has now: on a shared PostgreSQL database other files build editions of many years.
    let missing = 2200
    while (await t.repos.editions.findByYear(missing)) missing--
    activities.options[2].availableIn = [missing]
    const before = await storedJson(edition.year)
    const response = await importJson(edition.year, JSON.stringify(definition))
    expect(response.status).toBe(400)
    expect(response.text).toContain('there are 3 problems. Nothing was changed.')
    // Each problem names the question it concerns, in plain words; no array paths.
    const rows = [
      ...response.text.matchAll(
        /<td class="govuk-table__cell">([^<]+)<\/td><td class="govuk-table__cell">([^<]+)<\/td>/g,
      ),
    ].map((m) => `${m[1]}: ${m[2]}`.replaceAll('&#39;', "'").replaceAll('&#34;', '"'))
    expect(rows).toHaveLength(3)
    for (const row of rows) expect(row).toMatch(/^Question '[^']+' \(funding\.activities\): /)
    expect(rows.find((r) => r.includes('already used by option 1'))).toBeDefined()
    expect(
      rows.find((r) =>
        r.includes('"funding.no_such_question", which is not a question of this questionnaire'),
      ),
    ).toBeDefined()
    expect(
      rows.find((r) => r.includes(`is offered in ${missing}, but there is no ${missing} edition`)),
    ).toBeDefined()
    expect(response.text).not.toContain('sections.')
    expect(await storedJson(edition.year)).toBe(before)
    expect(await t.repos.definitionChanges.list(edition.id)).toEqual([])
  })

  it('when an import would drop an answered question, then it is refused with the count and nothing changes', async () => {
    const edition = await buildEdition(t.repos)
    await buildResponse(t.repos, edition.id, {
      'funding.activities': { type: 'multiple', choices: ['idea_generation'], notes: {} },
    })
    const definition = JSON.parse(
      (await admin.get(`/admin/editions/${edition.year}/questionnaire.json`)).text,
    )
    const page = definition.sections
      .flatMap((s: { pages: unknown[] }) => s.pages)
      .find((p: { key: string }) => p.key === 'funding_details')
    page.questions = page.questions.filter((q: { key: string }) => q.key !== 'funding.activities')
    const before = await storedJson(edition.year)
    const response = await importJson(edition.year, JSON.stringify(definition))
    expect(response.status).toBe(400)
    expect(response.text).toContain(
      '(funding.activities) is answered in 1 response, so it cannot be removed or re-keyed',
    )
    expect(await storedJson(edition.year)).toBe(before)
  })

  it('when the text is not JSON or is for another year, then it says so', async () => {
    const notJson = await importJson(2020, '{ "year": ')
    expect(notJson.status).toBe(400)
    expect(notJson.text).toContain('This is not valid JSON')
    const exported = (await admin.get('/admin/editions/2018/questionnaire.json')).text
    const otherYear = await importJson(2020, exported)
    expect(otherYear.text).toContain('This definition is for 2018, but you are importing into 2020')
  })
})

describe('what changed and the history', () => {
  it('when 2020 is compared with 2018, then the two funding activities that differ are named', async () => {
    const response = await admin.get(`${base(2020)}/changes`)
    expect(response.status).toBe(200)
    expect(response.text).toContain('What changed from 2018 to 2020')
    const added = response.text.slice(
      response.text.indexOf('Options added'),
      response.text.indexOf('Options no longer offered'),
    )
    const removed = response.text.slice(response.text.indexOf('Options no longer offered'))
    expect(added).toContain('Training staff and building capacity')
    expect(added).toContain('is not an option in the 2018 survey')
    expect(removed).toContain('Launching or sustaining a project')
    expect(removed).toContain('is not an option in the 2020 survey')
  })

  it('when a copied year is unchanged, then the change list says so', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const response = await admin.get(`${base(edition.year)}/changes`)
    expect(response.text).toContain(`The questions and options of ${edition.year} are the same as in 2020`)
  })

  it('when the questionnaire is changed, then the history names who, when and what, with the definition before', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const form = `${base(edition.year)}/sections/funding`
    const saved = await admin
      .post(form)
      .type('form')
      .send({ _csrf: await csrfToken(admin, form), key: 'funding', title: 'Money for innovation' })
    expect(saved.status).toBe(302)
    const history = await admin.get(`${base(edition.year)}/history`)
    expect(history.text).toContain('Changed section funding')
    expect(history.text).toContain('Demo Administrator')
    const [change] = await t.repos.definitionChanges.list(edition.id)
    const before = await admin.get(`${base(edition.year)}/history/${change.id}/before.json`)
    expect(before.headers['content-disposition']).toContain('attachment')
    expect(JSON.parse(before.text)).toEqual(edition.definition)
  })
})
