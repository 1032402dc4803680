import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { mainText } from '../support/profilesFactories'

const t = testApp()
afterAll(() => t.close())

/** The 2020 basis straight from the tables: every city's latest approved published response up to 2020. */
async function basis(): Promise<Array<{ id: number; year: number }>> {
  const responses: Array<{ id: number; city_id: number; year: number }> = await t
    .knex('responses as r')
    .join('editions as e', 'e.id', 'r.edition_id')
    .where({ 'r.status': 'approved', 'e.status': 'published' })
    .where('e.year', '<=', 2020)
    .select('r.id', 'r.city_id', 'e.year')
  const latest = new Map<number, { id: number; year: number }>()
  for (const r of responses) {
    const seen = latest.get(Number(r.city_id))
    if (!seen || seen.year < Number(r.year))
      latest.set(Number(r.city_id), { id: Number(r.id), year: Number(r.year) })
  }
  return [...latest.values()]
}

/** Responses among `ids` with an answer row to the question (and option, when given). */
async function citiesWith(ids: number[], questionKey: string, optionKey?: string): Promise<number> {
  const [row] = await t
    .knex('answers')
    .whereIn('response_id', ids)
    .where('question_key', questionKey)
    .modify((q) => {
      if (optionKey) q.where('option_key', optionKey)
    })
    .countDistinct<{ n: number | string }[]>({ n: 'response_id' })
  return Number(row.n)
}

const percent = (part: number, whole: number) => Math.floor((200 * part + whole) / (2 * whole))

beforeAll(async () => {
  const edition = await t.repos.editions.findByYear(2020)
  await t.services.profiles.regeneration.regenerateEdition(edition!.id)
})

describe('shares state their base (issue 13 item 17)', () => {
  it('when the home page gives the most funded activity, then its share is of the cities with dedicated funding, named with their number', async () => {
    const members = await basis()
    const ids = members.map((m) => m.id)
    const funded = await citiesWith(ids, 'funding.activities')
    const ideas = await citiesWith(ids, 'funding.activities', 'idea_generation')
    expect(funded).toBeLessThan(ids.length)
    const text = mainText((await request(t.app).get('/')).text)
    expect(text).toContain(`These figures are of ${ids.length} cities surveyed`)
    expect(text).toContain(
      `${percent(ideas, funded)}% of the ${funded} cities with dedicated funding chose “Idea generation & brainstorming” (activities being funded)`,
    )
  })

  it('when the results show an activity offered in 2018 only, then its share is of the cities that answered in 2018', async () => {
    const members = await basis()
    const in2018 = members.filter((m) => m.year === 2018).map((m) => m.id)
    const offered = await citiesWith(in2018, 'funding.activities')
    const chose = await citiesWith(in2018, 'funding.activities', 'launching_project')
    expect(offered).toBeGreaterThan(0)
    const page = await request(t.app).get('/results/2020/funding-activities')
    const text = mainText(page.text, { charts: true })
    expect(text).toContain(
      `Launching or sustaining a project ${chose} ${percent(chose, offered)}% of ${offered} offered it`,
    )
    expect(text).toContain('"Launching or sustaining a project" is not an option in the 2020 survey')
    expect(text).toContain(
      'Shares of an option offered in some survey years only are of the cities that answered in those years.',
    )
  })

  it('when data availability is shown, then the areas a city left blank are "Not collected / don’t know", on its profile and in the results', async () => {
    const profile = mainText((await request(t.app).get('/cities/enschede-nld/2020')).text)
    expect(profile).toContain(
      'Not collected / don’t know Transport/Mobility Health Culture Housing City resilience Tourism Blight (vacant and abandoned property)',
    )
    const members = await basis()
    const ids = members.map((m) => m.id)
    const answered = await citiesWith(ids, 'data.availability')
    const rowAnswered = await citiesWith(ids, 'data.availability', 'transport_mobility')
    const [row] = await t
      .knex('answers')
      .whereIn('response_id', ids)
      .where({
        question_key: 'data.availability',
        option_key: 'transport_mobility',
        value_text: 'sufficient',
      })
      .countDistinct<{ n: number | string }[]>({ n: 'response_id' })
    const yes = Number(row.n)
    const blank = answered - rowAnswered
    // The counts are in the table folded under the stacked bars.
    const results = mainText((await request(t.app).get('/results/2020/data-availability')).text, {
      charts: true,
    })
    expect(results).toContain('Sufficient data Insufficient data Not collected / don’t know')
    expect(results).toContain(
      `Transport/Mobility ${yes} (${percent(yes, answered)}%) ${rowAnswered - yes} (${percent(rowAnswered - yes, answered)}%) ${blank} (${percent(blank, answered)}%)`,
    )
  })
})
