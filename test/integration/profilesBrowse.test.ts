import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { parse } from 'csv-parse/sync'
import { testApp } from '../support/testApp'
import { mainText } from '../support/profilesFactories'
import { allQuestions } from '../../src/questionnaire/definitionModel'
import { chooseBasis, type ResponseRef } from '../../src/profiles/aggregate'

const t = testApp()
afterAll(() => t.close())

beforeAll(async () => {
  // Fresh aggregates: on the shared PostgreSQL database other files may have changed answers.
  for (const year of [2018, 2020])
    await t.services.profiles.regeneration.regenerateEdition((await t.repos.editions.findByYear(year))!.id)
})

const countOf = (text: string): { shown: number; total: number } => {
  const match = /(\d+) of (\d+) cities|(\d+) cit(?:y|ies)/.exec(text)!
  return match[1]
    ? { shown: Number(match[1]), total: Number(match[2]) }
    : { shown: Number(match[3]), total: Number(match[3]) }
}

describe('/cities', () => {
  it('when nothing is filtered, then every city with a published profile is listed with a count', async () => {
    const response = await request(t.app).get('/cities')
    const [{ n }] = await t
      .knex('profile_snapshots as s')
      .join('editions as e', 'e.id', 's.edition_id')
      .where('e.status', 'published')
      .countDistinct<{ n: number | string }[]>({ n: 's.city_id' })
    expect(response.status).toBe(200)
    expect(countOf(mainText(response.text))).toEqual({ shown: Number(n), total: Number(n) })
    expect(response.text).toContain('href="/cities/enschede-nld/2020"')
  })

  it('when search and filters are combined, then only matching cities are listed and the form keeps the choices', async () => {
    const response = await request(t.app).get(
      '/cities?q=ENSCH&region=Europe&population=100k-500k&policy_areas=digital_governance&roles=data_scientist&funding.activities=idea_generation',
    )
    const text = mainText(response.text)
    expect(countOf(text).shown).toBe(1)
    expect(response.text).toContain('href="/cities/enschede-nld/2020">Enschede</a>, Netherlands')
    expect(response.text).toContain('value="ENSCH"')
    expect(response.text).toContain('<option value="Europe" selected>')
    expect(response.text).toContain('<option value="100k-500k" selected>')
    expect(response.text).toContain('<option value="digital_governance" selected>')
    expect(response.text).toContain('<option value="idea_generation" selected>')
    expect(response.text).toContain('href="/cities">Clear filters</a>')
  })

  it('when a filter excludes the city, then it is not listed', async () => {
    for (const query of [
      'q=ensch&region=Africa',
      'q=ensch&population=1m-5m',
      'q=ensch&policy_areas=health',
      'q=ensch&roles=designer',
    ]) {
      const response = await request(t.app).get(`/cities?${query}`)
      expect(response.text, query).not.toContain('href="/cities/enschede-nld/2020"')
      expect(mainText(response.text), query).toContain('No cities match these filters.')
    }
  })

  it('when nothing matches, then the page says so and offers a way back', async () => {
    const response = await request(t.app).get('/cities?q=no-such-city-anywhere')
    expect(mainText(response.text)).toContain('No cities match these filters.')
    expect(countOf(mainText(response.text)).shown).toBe(0)
  })

  it('when filter values are unknown, then they are ignored rather than failing', async () => {
    const all = countOf(mainText((await request(t.app).get('/cities')).text))
    const response = await request(t.app).get('/cities?population=huge&region=Atlantis&roles=wizard')
    expect(response.status).toBe(200)
    expect(countOf(mainText(response.text))).toEqual(all)
    expect(response.text).toContain('href="/cities/enschede-nld/2020"')
    expect(mainText(response.text)).not.toContain('No cities match these filters.')
    const list = await request(t.app).get('/cities?q[]=x')
    expect(list.status).toBe(200)
  })
})

describe('/results', () => {
  it('when a visitor opens the results, then the published years are listed and an unpublished one is not', async () => {
    const response = await request(t.app).get('/results')
    expect(response.text).toContain('href="/results/2020"')
    expect(response.text).toContain('href="/results/2018"')
    expect(response.text).not.toContain('href="/results/2026"')
  })

  it('when a year is opened, then every question of its definition is there with its counts', async () => {
    const edition = (await t.repos.editions.findByYear(2020))!
    const response = await request(t.app).get('/results/2020')
    for (const { question } of allQuestions(edition.definition))
      expect(response.text, question.key).toContain(`id="${question.key.replace(/[._]+/g, '-')}"`)
    const [{ n }] = await t
      .knex('answers as a')
      .join('responses as r', 'r.id', 'a.response_id')
      .join('editions as e', 'e.id', 'r.edition_id')
      .where({
        'e.year': 2018,
        'r.status': 'approved',
        'a.question_key': 'funding.has_dedicated',
        'a.option_key': 'yes',
      })
      .countDistinct<{ n: number | string }[]>({ n: 'r.id' })
    const y2018 = await request(t.app).get('/results/2018/funding.has_dedicated')
    expect(y2018.text).toMatch(
      new RegExp(`Yes</th>\\s*<td class="num" data-label="Cities">${Number(n)}</td>`),
    )
  })

  it('when one question is asked for by key or by its kebab-case form, then it is shown with its chart', async () => {
    for (const path of ['/results/2020/policy_areas', '/results/2020/policy-areas']) {
      const response = await request(t.app).get(path)
      expect(response.status, path).toBe(200)
      expect(response.text).toContain(
        '<figcaption class="cis-figure__title">Policy areas by number of cities</figcaption>',
      )
      expect(response.text).toContain('<div class="cis-chart" id="chart-policy-areas">')
    }
    expect((await request(t.app).get('/results/2020/no-such-question')).status).toBe(404)
    expect((await request(t.app).get('/results/20x0')).status).toBe(404)
  })

  it('when a number question is opened, then its answers are a distribution: bins in order adding up to the cities that answered, the median and range in words', async () => {
    const edition = (await t.repos.editions.findByYear(2020))!
    const refs = await t
      .knex('responses as r')
      .join('editions as e', 'e.id', 'r.edition_id')
      .where('r.status', 'approved')
      .where('e.year', '<=', 2020)
      .select<ResponseRef[]>({ responseId: 'r.id', cityId: 'r.city_id', year: 'e.year' })
    const basis = chooseBasis(edition.basis, 2020, refs)
    const values = (
      await t
        .knex('answers')
        .whereIn(
          'response_id',
          basis.map((ref) => ref.responseId),
        )
        .where('question_key', 'org.staff_count')
        .select<{ value: number | string }[]>({ value: 'value_number' })
    )
      .map((row) => Number(row.value))
      .sort((a, b) => a - b)
    expect(values.length).toBeGreaterThanOrEqual(5)
    const middle = values.length / 2
    const median = values.length % 2 ? values[Math.floor(middle)] : (values[middle - 1] + values[middle]) / 2
    const format = (n: number) => new Intl.NumberFormat('en-GB').format(n)

    const response = await request(t.app).get('/results/2020/org-staff-count')
    const text = mainText(response.text)
    expect(text).toContain(`Answered by ${values.length} cities.`)
    expect(text).toContain(
      `Median ${format(median)} staff; range ${format(values[0])} to ${format(values[values.length - 1])} staff.`,
    )
    expect(text).not.toContain('written by each city')
    const bins = [
      ...response.text.matchAll(/<li class="bar" data-option="(-?[\d.]+)-(-?[\d.]+)">.*?: (\d+) cit/g),
    ]
    expect(bins.length).toBeGreaterThan(1)
    expect(bins.reduce((sum, bin) => sum + Number(bin[3]), 0)).toBe(values.length)
    const froms = bins.map((bin) => Number(bin[1]))
    expect(froms).toEqual([...froms].sort((a, b) => a - b))
    expect(Number(bins[0][1])).toBeLessThanOrEqual(values[0])
  })

  it('when a year question is opened, then its answers are a distribution of years written as years, not a written answer', async () => {
    const response = await request(t.app).get('/results/2020/city-population-year')
    const text = mainText(response.text)
    expect(text).toMatch(/Median \d{4}(\.5)?; range \d{4} to \d{4}\./)
    expect(text).not.toMatch(/\b2,0\d\d\b/)
    expect(text).not.toContain('are not counted here')
    const bins = [...response.text.matchAll(/<li class="bar" data-option="(\d{4})-(\d{4})">/g)]
    expect(bins.length).toBeGreaterThan(0)
  })

  it('when a grid question is opened, then each row is a stacked bar of its columns, with the table and without per-column charts', async () => {
    const response = await request(t.app).get('/results/2020/data-availability')
    const stack = response.text.slice(
      response.text.indexOf('<div class="cis-stack"'),
      response.text.indexOf('<div class="cis-table-wrap">'),
    )
    expect(mainText(stack)).toContain('Sufficient data Insufficient data Not collected / don’t know')
    const rows = stack.split('<svg class="cis-stack__bar"').slice(1)
    expect(rows.length).toBeGreaterThan(3)
    for (const row of rows) {
      const widths = [...row.matchAll(/<rect class="cis-stack__seg--\d" x="[\d.]+%" width="([\d.]+)%"/g)].map(
        (m) => Number(m[1]),
      )
      expect(widths).toHaveLength(3)
      expect(Math.abs(widths.reduce((sum, width) => sum + width, 0) - 100)).toBeLessThan(0.5)
    }
    expect(mainText(stack)).toMatch(
      /Transport\/Mobility Sufficient data \d+% · Insufficient data \d+% · Not collected/,
    )
    expect(response.text).toContain('<table class="table table--cards">')
    expect(response.text).not.toContain('data-chart="data.availability"')
  })

  it('when a year is opened, then written answers are said once to be on the profiles, each such question giving only its count, and the contents list every question by section with its number', async () => {
    const response = await request(t.app).get('/results/2020')
    const text = mainText(response.text)
    expect(text.match(/are not counted here/g)).toHaveLength(1)
    expect(text).not.toContain('Answers to this question are written by each city')
    const mayor = response.text.slice(response.text.indexOf('<div class="cis-result" id="city-mayor">'))
    const block = mayor.slice(0, mayor.indexOf('<div class="cis-result"', 10))
    expect(mainText(block).trim()).toMatch(/^\S.* Answered by \d+ cities\.$/)
    const start = response.text.indexOf('id="results-contents"')
    const contents = response.text.slice(start, response.text.indexOf('</nav>', start))
    expect(contents).toContain('<a href="#org-staff-count">')
    expect(contents).toContain('<span class="cis-contents__number">')
    // The chart under a question's heading does not repeat the question as its visible title.
    expect(response.text).not.toContain(
      '<figcaption class="cis-figure__title">How many staff work in the dedicated innovation team?</figcaption>',
    )
  })
})

describe('home page', () => {
  it('when a visitor opens the home page, then it gives the latest headline figures and a map of linked cities with the list beside it', async () => {
    const response = await request(t.app).get('/')
    const text = mainText(response.text)
    expect(text).toContain('Headline figures, 2020')
    expect(text).toMatch(
      /\d+% of (cities|the \d+ cities that answered) answered yes to “Does the city have specific or dedicated funding to support innovation capacity\?”/,
    )
    expect(text).toMatch(
      /\d+% of (cities|the \d+ cities that answered) chose “Project manager” \(innovation roles\)/,
    )
    expect(response.text).toContain(
      '<a href="/cities/enschede-nld" class="city" aria-label="Enschede, Netherlands">',
    )
    expect(response.text).toContain('<path class="land" d="M')
    expect(response.text).toContain('<a href="/cities/enschede-nld">Enschede</a>')
  })
})

describe('/open-data', () => {
  it('when a visitor reads about the open data, then licence, basis, threshold, release and downloads are given', async () => {
    const text = mainText((await request(t.app).get('/open-data')).text)
    expect(text).toContain('Creative Commons Attribution 4.0 International (CC BY 4.0)')
    expect(text).toContain('at least 5 cities are compared')
    expect(text).toMatch(
      /Innovation capacity in cities survey 2020 Release \d+ Every city’s latest approved answers up to 2020/,
    )
    expect(text).toContain('Corrections log')
  })

  it('when the 2020 CSV and codebook are downloaded, then there is one row per approved city and a codebook entry per column', async () => {
    const download = await request(t.app).get('/open-data/2020.csv')
    // A UTF-8 byte-order mark first, so spreadsheets read "Türkiye", not "TÃ¼rkiye".
    expect(download.text.charCodeAt(0)).toBe(0xfeff)
    const csv = parse(download.text, { bom: true, columns: true }) as Array<Record<string, string>>
    const [{ n }] = await t
      .knex('responses as r')
      .join('editions as e', 'e.id', 'r.edition_id')
      .where({ 'e.year': 2020, 'r.status': 'approved' })
      .count<{ n: number | string }[]>({ n: '*' })
    expect(csv).toHaveLength(Number(n))
    const enschede = csv.find((row) => row.city_slug === 'enschede-nld')!
    expect(enschede['funding.has_dedicated']).toBe('yes')
    expect(enschede['funding.sources.municipal']).toBe('1')
    expect(enschede['funding.sources.national']).toBe('0')
    expect(enschede['data.availability.land_use']).toBe('insufficient')
    expect(enschede['city.population']).toBe('159000')
    const codebook = parse((await request(t.app).get('/open-data/2020-codebook.csv')).text, {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>
    expect(codebook.map((row) => row.column)).toEqual(Object.keys(enschede))
    expect(codebook.find((row) => row.column === 'funding.sources.municipal')).toMatchObject({
      question_key: 'funding.sources',
      option_key: 'municipal',
      type: 'multiple',
    })
  })
})

describe('chart words on Spanish results (issue 19)', () => {
  it('when a number question is read in Spanish, then its median and range are Spanish, not English', async () => {
    const response = await request(t.app).get('/results/2020/org-staff-count?lang=es')
    const text = mainText(response.text)
    expect(text).toMatch(/Mediana: [\d.,]+ personas; intervalo: de [\d.,]+ a [\d.,]+ personas\./)
    expect(text).not.toMatch(/Median |range \d| staff\b/)
  })

  it('when an option was offered in one survey only, then the Spanish footnote says so in Spanish', async () => {
    const english = mainText((await request(t.app).get('/results/2020/funding-activities')).text)
    const spanish = mainText((await request(t.app).get('/results/2020/funding-activities?lang=es')).text)
    expect(english).toContain('is not an option in the 2018 survey')
    expect(spanish).toMatch(/no es una opción en la encuesta de 2018/)
    expect(spanish).not.toMatch(/is not an option|are not options|, while /)
  })
})
