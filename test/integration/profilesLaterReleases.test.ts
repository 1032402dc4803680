import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyTestApp, type TestApp } from '../support/testApp'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import type { ComparisonBasis, EditionStatus } from '../../src/questionnaire/editionsRepository'

/**
 * Which later years a change reaches (issue 21: the release survivors of profileService). Five
 * years in a deployment of their own, none of which the demo data has: an unpublished earlier
 * year, a published year compared on its own approved answers, a published year and an open year
 * compared on every city's latest answers.
 */
let t: TestApp
const ids = new Map<number, number>()
const example = JSON.parse(
  fs.readFileSync(
    path.resolve(
      import.meta.dirname,
      '../../src/questionnaire/definitions/examples/digitalServices2027.json',
    ),
    'utf8',
  ),
) as Record<string, unknown>

const years: [number, EditionStatus, ComparisonBasis][] = [
  [2016, 'closed', 'approved'],
  [2018, 'published', 'approved'],
  [2020, 'published', 'latest'],
  [2022, 'published', 'approved'],
  [2024, 'open', 'latest'],
]

beforeAll(async () => {
  t = await emptyTestApp()
  for (const [year, status, basis] of years) {
    const definition = definitionSchema.parse({ ...example, year })
    const id = await t.repos.editions.create({ year, title: definition.title, status, basis, definition })
    ids.set(year, id)
    if (status === 'published') await t.repos.releases.ensureFirst(id)
  }
})
afterAll(() => t.close())

const releases = async () =>
  Object.fromEntries((await t.repos.editions.list()).map((edition) => [edition.year, edition.dataRelease]))
const regenerated = (results: { year: number }[]) => results.map((result) => result.year).sort()

describe('what a change to one year reaches in later years', () => {
  it('when a published year’s answer is corrected, then the later published "latest" year gets a release through it, and neither the later "approved" year nor the open one does', async () => {
    expect(await releases()).toEqual({ 2016: 0, 2018: 1, 2020: 1, 2022: 1, 2024: 0 })
    const results = await t.services.profiles.regeneration.onEditionChanged(
      ids.get(2018)!,
      'answer_corrected',
      {
        city: 'Testville',
        reason: 'A typing error.',
      },
    )
    expect(await releases()).toEqual({ 2016: 0, 2018: 2, 2020: 2, 2022: 1, 2024: 0 })
    expect(regenerated(results)).toEqual([2018, 2020, 2024])
    const log = await t.repos.releases.listPublished()
    expect(log.find((release) => release.year === 2020 && release.version === 2)?.note).toBe(
      'Through the 2018 answers: An answer was corrected.',
    )
  })

  it('when a response is approved in an unpublished year, then no year gets a release, though the later "latest" years are regenerated', async () => {
    const before = await releases()
    const results = await t.services.profiles.regeneration.onEditionChanged(
      ids.get(2016)!,
      'response_approved',
    )
    expect(await releases()).toEqual(before)
    expect(regenerated(results)).toEqual([2016, 2020, 2024])
  })

  it('when a published year’s wording changes, then only that year gets a release: later years counted no changed answer', async () => {
    const before = await releases()
    await t.services.profiles.regeneration.onEditionChanged(ids.get(2018)!, 'definition_changed')
    expect(await releases()).toEqual({ ...before, 2018: before[2018]! + 1 })
  })
})
