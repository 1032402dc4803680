import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { emptyTestApp, type TestApp } from '../support/testApp'
import { buildCity } from '../support/factories'
import { buildResponse, mainText, no, yes } from '../support/profilesFactories'
import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import type { City } from '../../src/cities/citiesRepository'

/**
 * Three published years of questionnaires that are not the innovation survey, on a deployment
 * without demo data: 2040 and 2042 share one question (services.portal), 2041 shares none.
 */
let t: TestApp
const questionnaire = (year: number, title: string, questions: object[]): Definition =>
  definitionSchema.parse({
    year,
    title,
    sections: [{ key: 'main', title: 'Main', pages: [{ key: 'main.page', title: 'Questions', questions }] }],
    profile: { blocks: [{ key: 'answers', title: 'Answers' }] },
  })
// Shown on the public profile (only public answers are compared).
const shown = { profile: { section: 'answers' } }
const portal = {
  key: 'services.portal',
  type: 'yesno',
  label: 'Does the municipality run a service portal?',
  ...shown,
}
const count = { key: 'services.count', type: 'number', label: 'How many services are online?', ...shown }
const app = { key: 'services.app', type: 'yesno', label: 'Is there a mobile app?', ...shown }
const parks = { key: 'parks.open', type: 'yesno', label: 'Are the parks open at night?', ...shown }
const number = (value: number): AnswerValue => ({ type: 'number', value })

let both: City
const aggregateSize = async (year: number): Promise<number> => {
  const edition = (await t.repos.editions.findByYear(year))!
  const stored = await t.repos.profiles.aggregateContent(edition.id)
  return (JSON.parse(stored!.content) as { basis: { size: number } }).basis.size
}

beforeAll(async () => {
  t = await emptyTestApp()
  const editions: Array<[number, Definition, 'approved' | 'latest']> = [
    [2040, questionnaire(2040, 'Digital services 2040', [portal, count]), 'approved'],
    [2041, questionnaire(2041, 'Parks 2041', [parks]), 'approved'],
    [2042, questionnaire(2042, 'Digital services 2042', [portal, app]), 'latest'],
  ]
  for (const [year, definition, basis] of editions)
    await t.repos.editions.create({ year, title: definition.title, status: 'published', definition, basis })
  both = await buildCity(t.repos)
  await buildResponse(t.repos, {
    year: 2040,
    cityId: both.id,
    answers: [
      ['services.portal', yes],
      ['services.count', number(5)],
    ],
  })
  await buildResponse(t.repos, { year: 2041, cityId: both.id, answers: [['parks.open', yes]] })
  await buildResponse(t.repos, {
    year: 2042,
    cityId: both.id,
    answers: [
      ['services.portal', no],
      ['services.app', yes],
    ],
  })
  // Surveyed only with the services questionnaire of 2040: asked a question of 2042's.
  const servicesOnly = await buildCity(t.repos)
  await buildResponse(t.repos, { year: 2040, cityId: servicesOnly.id, answers: [['services.portal', yes]] })
  // Surveyed only about parks: never asked a question of 2042's.
  for (let i = 0; i < 3; i++) {
    const parksOnly = await buildCity(t.repos)
    await buildResponse(t.repos, { year: 2041, cityId: parksOnly.id, answers: [['parks.open', no]] })
  }
  for (const year of [2040, 2041, 2042])
    await t.services.profiles.regeneration.regenerateEdition((await t.repos.editions.findByYear(year))!.id)
})
afterAll(() => t.close())

describe('comparing two years only over the questions both ask', () => {
  it('when the two years share no question, then the page says so and shows no changes', async () => {
    const page = await request(t.app).get(`/cities/${both.slug}/compare?from=2040&to=2041`)
    expect(page.status).toBe(200)
    const text = mainText(page.text)
    expect(text).toContain(
      'The questionnaires of 2040 and 2041 have no question in common, so their answers cannot be compared.',
    )
    expect(text).not.toMatch(/answers? changed|No answer changed|Answers side by side/)
    expect(text).not.toContain('Are the parks open at night?')
  })

  it('when the two years share one question, then only that question is compared', async () => {
    const page = await request(t.app).get(`/cities/${both.slug}/compare?from=2040&to=2042`)
    expect(page.status).toBe(200)
    const text = mainText(page.text)
    expect(text).toContain(
      '1 answer changed between these years. Compared over the 1 question both years ask.',
    )
    expect(text).toContain('Does the municipality run a service portal?')
    expect(text).not.toContain('How many services are online?')
    expect(text).not.toContain('Is there a mobile app?')
  })
})

describe('the "latest answers" basis', () => {
  it('when cities were surveyed only with an unrelated questionnaire, then they are not counted as surveyed', async () => {
    // 2042's own city and the city asked the shared question in 2040; not the three parks-only cities.
    expect(await aggregateSize(2042)).toBe(2)
    expect(await aggregateSize(2041)).toBe(4)
  })
})
