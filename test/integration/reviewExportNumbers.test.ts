import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity } from '../support/factories'
import { signedInAgent } from '../support/http'
import { buildEdition, buildResponse, everyTypeDefinition } from '../support/reviewFactories'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'

const t = testApp()
afterAll(() => t.close())

describe('exports read each response in one value', () => {
  it('when numbers need all 17 digits and a city has not answered, then the CSV and JSON carry them exactly', async () => {
    const edition = await buildEdition(t.repos, { status: 'open', definition: everyTypeDefinition() })
    const numbers = [0.1 + 0.2, -1234.5678901234567]
    const cities = [await buildCity(t.repos), await buildCity(t.repos), await buildCity(t.repos)]
    for (const [i, value] of numbers.entries()) {
      const answers = new Map<string, AnswerValue>([
        ['q.yes', { type: 'yesno', choice: 'yes' }],
        ['q.count', { type: 'number', value }],
        ['q.grid', { type: 'matrix', cells: { r2: 'c1', r1: 'c2' } }],
      ])
      await buildResponse(t.repos, { editionId: edition.id, cityId: cities[i].id, answers })
    }
    await buildResponse(t.repos, { editionId: edition.id, cityId: cities[2].id, answers: new Map() })
    const agent = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)

    const csv = await agent.get(`/admin/editions/${edition.year}/export.csv?scope=all`)
    const records = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[]
    expect(records.map((r) => r.city_slug)).toEqual(cities.map((c) => c.slug))
    expect(records.map((r) => r['q.count'])).toEqual(['0.30000000000000004', '-1234.5678901234567', ''])
    expect(records[0]).toMatchObject({ 'q.grid.r1': 'c2', 'q.grid.r2': 'c1' })
    const unanswered = Object.entries(records[2]).filter(([name]) => name.startsWith('q.'))
    expect(unanswered.length).toBeGreaterThan(10)
    expect(unanswered.every(([, cell]) => cell === '')).toBe(true)

    const json = JSON.parse((await agent.get(`/admin/editions/${edition.year}/export.json?scope=all`)).text)
    const answers = json.responses.map((r: { answers: Record<string, AnswerValue> }) => r.answers)
    expect(answers.slice(0, 2).map((a: Record<string, { value: number }>) => a['q.count'].value)).toEqual(
      numbers,
    )
    expect(Object.keys(answers[0]['q.grid'].cells)).toEqual(['r1', 'r2'])
    expect(answers[2]).toEqual({})
  })

  it('when an answer is hidden by a later change (its condition no longer met), then the exports leave it out', async () => {
    const edition = await buildEdition(t.repos, { status: 'open', definition: everyTypeDefinition() })
    const city = await buildCity(t.repos)
    const answers = new Map<string, AnswerValue>([
      ['q.yes', { type: 'yesno', choice: 'no' }],
      ['q.count', { type: 'number', value: 42 }],
    ])
    await buildResponse(t.repos, { editionId: edition.id, cityId: city.id, answers })
    const agent = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)

    const csv = await agent.get(`/admin/editions/${edition.year}/export.csv?scope=all`)
    const [record] = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[]
    expect(record).toMatchObject({ city_slug: city.slug, 'q.yes': 'no', 'q.count': '' })
    const json = JSON.parse((await agent.get(`/admin/editions/${edition.year}/export.json?scope=all`)).text)
    expect(json.responses[0].answers).toEqual({ 'q.yes': { type: 'yesno', choice: 'no' } })
  })
})
