import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { parse } from 'csv-parse/sync'
import { testApp } from '../support/testApp'
import { adminAgent } from '../support/accountsFactories'
import { buildCity } from '../support/factories'
import { csrfFrom } from '../support/http'
import { buildResponse, mainText } from '../support/profilesFactories'

const t = testApp()
afterAll(() => t.close())

type Row = Record<string, string>
const csvOf = async (path: string): Promise<{ status: number; rows: Row[] }> => {
  const response = await request(t.app).get(path)
  return {
    status: response.status,
    rows: response.status === 200 ? (parse(response.text, { bom: true, columns: true }) as Row[]) : [],
  }
}
const percent = (part: number, whole: number) => Math.floor((200 * part + whole) / (2 * whole))

beforeAll(async () => {
  const edition = await t.repos.editions.findByYear(2020)
  await t.services.profiles.regeneration.regenerateEdition(edition!.id)
})

describe('a reader can reproduce every figure from the open data (issue 13 item 18)', () => {
  it('when 2020 compares every city’s latest answers, then its counted rows hold each city once with the year of its answers, and recounting them gives the pages’ shares', async () => {
    const { status, rows } = await csvOf('/open-data/2020-basis.csv')
    expect(status).toBe(200)
    const aggregate = (await t.services.profiles.results.published()).find((a) => a.year === 2020)!
    expect(rows).toHaveLength(aggregate.basis.size)
    expect(new Set(rows.map((row) => row.city_slug)).size).toBe(rows.length)
    expect([...new Set(rows.map((row) => row.answer_year))].sort()).toEqual(['2018', '2020'])

    const answered = rows.filter((row) => row['funding.has_dedicated'] !== '')
    const funded = answered.filter((row) => row['funding.has_dedicated'] === 'yes').length
    const profile = mainText((await request(t.app).get('/cities/enschede-nld/2020')).text)
    const base =
      answered.length === rows.length ? 'cities surveyed' : `the ${answered.length} cities that answered`
    expect(profile).toContain(
      `Like ${percent(funded, answered.length)}% of ${base}, Enschede has dedicated funding to support innovation capacity.`,
    )

    const offered = rows.filter((row) => row['funding.activities.launching_project'] !== '')
    expect(offered.every((row) => row.answer_year === '2018')).toBe(true)
    const chose = offered.filter((row) => row['funding.activities.launching_project'] === '1').length
    const results = mainText((await request(t.app).get('/results/2020/funding-activities')).text, {
      charts: true,
    })
    expect(results).toContain(
      `Launching or sustaining a project ${chose} ${percent(chose, offered.length)}% of ${offered.length} offered it`,
    )
    const json = JSON.parse((await request(t.app).get('/open-data/2020.json')).text)
    expect(json.countedRows).toBe('/open-data/2020-basis.csv')
  })

  it('when an administrator corrects a published answer, then the earlier release stays downloadable as it was and the log names the city, the question and the reason', async () => {
    const city = await buildCity(t.repos, { name: `Correctionville ${Date.now()}` })
    const { responseId, editionId } = await buildResponse(t.repos, {
      year: 2020,
      cityId: city.id,
      answers: [['city.mayor', { type: 'text', value: 'Ada Before' }]],
    })
    // Every other answer as Enschede's: on a shared PostgreSQL database a city that left
    // questions unanswered would change the base of other files' sentences.
    const enschede = await t
      .knex('responses as r')
      .join('cities as c', 'c.id', 'r.city_id')
      .where({ 'c.slug': 'enschede-nld', 'r.edition_id': editionId })
      .first('r.id')
    const rows = await t
      .knex('answers')
      .where('response_id', enschede.id)
      .whereNot('question_key', 'city.mayor')
      .select('question_key', 'option_key', 'value_text', 'value_number', 'note')
    const updatedAt = new Date().toISOString()
    await t
      .knex('answers')
      .insert(rows.map((row) => ({ ...row, response_id: responseId, updated_at: updatedAt })))
    await t.services.events.changed(editionId, 'response_approved', { city: city.name })
    const edition = await t.repos.editions.findByYear(2020)
    const before = edition!.dataRelease
    const mayorIn = async (path: string) => {
      const { status, rows } = await csvOf(path)
      expect(status, path).toBe(200)
      return rows.find((row) => row.city_slug === city.slug)?.['city.mayor']
    }
    expect(await mayorIn(`/open-data/2020-release-${before}.csv`)).toBe('Ada Before')

    const { agent } = await adminAgent(t)
    const form = await agent.get(`/admin/responses/${responseId}/correct/city.mayor`)
    expect(form.status).toBe(200)
    const version = /name="version" value="(\d+)"/.exec(form.text)![1]
    const posted = await agent
      .post(`/admin/responses/${responseId}/correct/city.mayor`)
      .type('form')
      .send({
        _csrf: csrfFrom(form.text),
        version,
        'city-mayor': 'Bea After',
        reason: 'The city elected a new mayor before approval.',
      })
    expect(posted.status).toBe(302)

    const after = (await t.repos.editions.findByYear(2020))!.dataRelease
    expect(after).toBe(before + 1)
    expect(await mayorIn(`/open-data/2020-release-${before}.csv`)).toBe('Ada Before')
    expect(await mayorIn(`/open-data/2020-release-${after}.csv`)).toBe('Bea After')
    expect(await mayorIn('/open-data/2020.csv')).toBe('Bea After')
    expect((await csvOf(`/open-data/2020-basis-release-${before}.csv`)).status).toBe(200)
    expect((await request(t.app).get(`/open-data/2020-release-${after + 5}.csv`)).status).toBe(404)

    const page = mainText((await request(t.app).get('/open-data')).text)
    expect(page).toContain(`2020 ${after}`)
    const question = (await t.repos.editions.findByYear(2020))!.definition.sections
      .flatMap((s) => s.pages.flatMap((p) => p.questions))
      .find((q) => q.key === 'city.mayor')!.label
    expect(page).toContain(
      `An answer was corrected. ${city.name} ${question} city.mayor The city elected a new mayor before approval.`,
    )
    expect(page).toContain(`2020 release ${before}`)
  })

  it('when a published 2018 answer is corrected, then 2018 gets a new release, 2020 (which counts every city’s latest answers) one that says it came through 2018, and the open 2026 none', async () => {
    const releaseOf = async (year: number) => (await t.repos.editions.findByYear(year))!.dataRelease
    const [y2018, y2020, y2026] = [await releaseOf(2018), await releaseOf(2020), await releaseOf(2026)]
    const edition2018 = (await t.repos.editions.findByYear(2018))!
    await t.services.events.changed(edition2018.id, 'answer_corrected', {
      city: 'Enschede',
      question: 'Mayor',
      questionKey: 'city.mayor',
      reason: 'A spelling was put right.',
    })
    expect(await releaseOf(2018)).toBe(y2018 + 1)
    expect(await releaseOf(2020)).toBe(y2020 + 1)
    expect(await releaseOf(2026)).toBe(y2026)
    const page = mainText((await request(t.app).get('/open-data')).text)
    expect(page).toContain('Through the 2018 answers: An answer was corrected.')
  })

  it('when a survey year that does not exist is said to have changed, then nothing is regenerated and no release is made', async () => {
    const releases = (await t.repos.editions.list()).map((edition) => edition.dataRelease)
    await expect(t.services.profiles.regeneration.onEditionChanged(-1, 'answer_corrected')).resolves.toEqual(
      [],
    )
    expect((await t.repos.editions.list()).map((edition) => edition.dataRelease)).toEqual(releases)
  })
})
