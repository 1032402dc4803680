import { describe, expect, it } from 'vitest'
import { binOf, distribution, distributionWords } from '../../src/profiles/distribution'
import { distributionChart } from '../../src/profiles/distributionChart'
import { chartBlock } from '../../src/profiles/profileBlocks'
import { highlightBars } from '../../src/profiles/barChart'
import type { Question } from '../../src/questionnaire/definitionSchema'

/** Cities per value, as the aggregate counts a number question. */
const counted = (values: number[]): Record<string, number> => {
  const counts: Record<string, number> = {}
  for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1
  return counts
}

describe('distribution of a number question', () => {
  it('when whole numbers spread over 3 to 41, then they fall in bins of 5 from 0, the largest in the last', () => {
    const found = distribution(counted([3, 4, 4, 12, 17, 25, 40, 41]), 5)
    expect(found?.bins.map((bin) => [bin.label, bin.count])).toEqual([
      ['0–4', 3],
      ['5–9', 0],
      ['10–14', 1],
      ['15–19', 1],
      ['20–24', 0],
      ['25–29', 1],
      ['30–34', 0],
      ['35–39', 0],
      ['40–44', 2],
    ])
    expect(found?.bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(8)
  })

  it('when the count is odd, then the median is the middle value; when even, the mean of the middle two', () => {
    expect(distribution(counted([1, 2, 100]), 1)?.median).toBe(2)
    expect(distribution(counted([1, 2, 4, 100]), 1)?.median).toBe(3)
    expect(distribution({ '10': 2, '20': 1, '30': 1 }, 1)?.median).toBe(15)
  })

  it('when worded, then the median and range carry the unit', () => {
    const found = distribution(counted([3, 40, 40, 250, 1200]), 5)
    expect(found && [found.min, found.max, found.median]).toEqual([3, 1200, 40])
    expect(found && distributionWords(found, 'people')).toBe('Median 40 people; range 3 to 1,200 people.')
  })

  it('when fewer cities answered than the disclosure threshold, then there is no distribution', () => {
    expect(distribution(counted([1, 2, 3, 4]), 5)).toBeUndefined()
    expect(distribution(counted([1, 2, 3, 4, 5]), 5)?.answered).toBe(5)
    expect(distribution({}, 0)).toBeUndefined()
  })

  it('when values spread over orders of magnitude, then bins grow as 1, 2, 5 × 10^k rather than piling into the first', () => {
    const found = distribution(counted([31_600, 48_000, 115_000, 160_000, 4_700_000]), 5)
    expect(found?.bins.map((bin) => [bin.label, bin.count])).toEqual([
      ['20,000–49,999', 2],
      ['50,000–99,999', 0],
      ['100,000–199,999', 2],
      ['200,000–499,999', 0],
      ['500,000–999,999', 0],
      ['1,000,000–1,999,999', 0],
      ['2,000,000–4,999,999', 1],
    ])
    expect(found && binOf(found.bins, 50_000)?.label).toBe('50,000–99,999')
  })

  it('when every city gave the same number, then there is one bin', () => {
    const found = distribution({ '7': 6 }, 5)
    expect(found?.bins).toEqual([{ key: '7-8', label: '7', from: 7, to: 8, count: 6 }])
  })

  it('when values have decimals, then bins say "to under" and a city finds its own bin', () => {
    const found = distribution(counted([0.5, 1.2, 2.9]), 1)
    expect(found?.bins[0].label).toBe('0.5 to under 1')
    const last = found?.bins[found.bins.length - 1]
    expect(last && last.from <= 2.9).toBe(true)
    expect(found && binOf(found.bins, 2.9)).toBe(last)
    expect(found && binOf(found.bins, 1.2)?.label).toBe('1 to under 1.5')
  })
})

describe('distribution chart', () => {
  const question: Question = {
    key: 'city.population',
    type: 'number',
    label: 'Population of the city',
    unit: 'residents',
    integer: true,
    required: true,
  }
  const aggregate = {
    answered: 5,
    counts: counted([31_600, 48_000, 115_000, 160_000, 4_700_000]),
    signatures: {},
  }

  it('when drawn, then its bars keep the order of value, its table says so, and the median and range are given', () => {
    const chart = distributionChart(question, 'chart-city-population', aggregate, 5)
    expect(chart?.ordered).toBe(true)
    expect(chart?.distribution?.summary).toBe(
      'Median 115,000 residents; range 31,600 to 4,700,000 residents.',
    )
    const labels = [...(chart?.svg ?? '').matchAll(/cis-bars__label">([^<]+)</g)].map((m) => m[1])
    expect(labels).toEqual(chart?.rows.map((row) => row.label))
    expect(labels[0]).toBe('20,000–49,999')
    expect(chart?.rows.map((row) => row.share)).toEqual([40, 0, 40, 0, 0, 0, 20])
  })

  it('when fewer cities answered than the threshold, then nothing is drawn', () => {
    expect(distributionChart(question, 'c', aggregate, 6)).toBeUndefined()
  })

  it("when a city's profile shows it, then the bin holding the city's value is marked", () => {
    const chart = distributionChart(question, 'chart-city-population', aggregate, 5)
    const context = {
      cityName: 'Enschede',
      aggregate,
      threshold: 5,
      suppressed: false,
      base: { basisSize: 5 },
      year: 2020,
      chart,
    }
    const [block] = chartBlock(context, { type: 'number', value: 159_000 })
    expect(block).toEqual({ kind: 'chart', questionKey: 'city.population', own: ['100000-200000'] })
    const own = block.kind === 'chart' ? block.own : []
    const marked = highlightBars(chart?.svg ?? '', own)
    expect(marked.match(/bar--own/g)).toHaveLength(1)
    expect(marked).toContain('class="bar bar--own" data-option="100000-200000"')
  })
})

describe('distribution of a year question', () => {
  const yearQuestion = {
    key: 'city.population_year',
    label: 'Year of the population figure',
    type: 'year',
    required: true,
  } as Question
  const years = { answered: 6, counts: counted([2015, 2017, 2018, 2019, 2019, 2020]), signatures: {} }

  it('when charted, then years are written as years (2015, not 2,015), in bins, with median and range', () => {
    const chart = distributionChart(yearQuestion, 'chart-year', years, 5)
    expect(chart?.rows.map((row) => [row.label, row.count])).toEqual([
      ['2015', 1],
      ['2016', 0],
      ['2017', 1],
      ['2018', 1],
      ['2019', 2],
      ['2020', 1],
    ])
    expect(chart?.distribution?.summary).toBe('Median 2018.5; range 2015 to 2020.')
    expect(chart?.svg).not.toContain('2,0')
  })

  it("when a city's profile shows it, then the year's bin is marked", () => {
    const chart = distributionChart(yearQuestion, 'chart-year', years, 5)
    const context = {
      cityName: 'Enschede',
      aggregate: years,
      threshold: 5,
      suppressed: false,
      base: { basisSize: 6 },
      year: 2020,
      chart,
    }
    expect(chartBlock(context, { type: 'year', value: 2019 })).toEqual([
      { kind: 'chart', questionKey: 'city.population_year', own: ['2019-2020'] },
    ])
  })
})
