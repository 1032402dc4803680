import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { parse } from 'csv-parse/sync'
import { testApp } from '../support/testApp'
import { buildCity } from '../support/factories'
import { buildResponse, mainText, multiple, no, yes } from '../support/profilesFactories'
import { buildEdition, buildResponse as buildReviewResponse, simpleAnswers } from '../support/reviewFactories'

const t = testApp()
afterAll(() => t.close())

const editionId = async (year: number) => (await t.repos.editions.findByYear(year))!.id

/** The count of a bar in a profile's chart table ("Digital governance" → 64). */
function chartCount(html: string, questionKey: string, label: string): number {
  const figure =
    new RegExp(`data-chart="${questionKey.replace('.', '\\.')}">([\\s\\S]*?)</figure>`).exec(html)?.[1] ?? ''
  const match = new RegExp(`${label}</th>\\s*<td[^>]*>([\\d,]+)</td>`).exec(figure)
  if (!match) throw new Error(`No bar "${label}" in the ${questionKey} chart`)
  return Number(match[1].replace(/,/g, ''))
}

const basisSize = (html: string): number =>
  Number(/of ([\d,]+) cities surveyed/.exec(mainText(html))?.[1].replace(/,/g, ''))

describe('regeneration on approval', () => {
  it('when one more city is approved for 2020, then Enschede’s profile is regenerated with the new city counted', async () => {
    const id = await editionId(2020)
    await t.services.profiles.regeneration.regenerateEdition(id)
    const before = await request(t.app).get('/cities/enschede-nld/2020')
    const [{ generated_at: generatedBefore }] = await t
      .knex('profile_snapshots as s')
      .join('cities as c', 'c.id', 's.city_id')
      .where({ 'c.slug': 'enschede-nld', 's.edition_id': id })
      .select('s.generated_at')

    const city = await buildCity(t.repos)
    await buildResponse(t.repos, {
      year: 2020,
      cityId: city.id,
      answers: [
        ['strategy.formal', yes],
        ['approach.level', { type: 'single', choice: 'both' }],
        ['funding.has_dedicated', no],
        ['policy_areas', multiple(['digital_governance'])],
        ['roles', multiple(['project_manager', 'designer'])],
      ],
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await t.services.events.changed(id, 'response_approved')

    const after = await request(t.app).get('/cities/enschede-nld/2020')
    const [{ generated_at: generatedAfter }] = await t
      .knex('profile_snapshots as s')
      .join('cities as c', 'c.id', 's.city_id')
      .where({ 'c.slug': 'enschede-nld', 's.edition_id': id })
      .select('s.generated_at')
    expect(generatedAfter > generatedBefore).toBe(true)
    expect(basisSize(after.text)).toBe(basisSize(before.text) + 1)
    expect(chartCount(after.text, 'policy_areas', 'Digital governance')).toBe(
      chartCount(before.text, 'policy_areas', 'Digital governance') + 1,
    )
    expect(chartCount(after.text, 'roles', 'Designer')).toBe(chartCount(before.text, 'roles', 'Designer') + 1)
    expect(after.headers.etag).not.toBe(before.headers.etag)
    const newProfile = await request(t.app).get(`/cities/${city.slug}/2020`)
    expect(newProfile.status).toBe(200)
    expect(mainText(newProfile.text)).toContain(
      `${city.name} utilizes 2 different innovation skills or roles`,
    )
    // Most cities have dedicated funding: "Unlike" with their share, derived from the counts (item 15).
    expect(mainText(newProfile.text)).toMatch(
      new RegExp(
        `Unlike \\d+% of (cities surveyed|the \\d+ cities that answered), ${city.name} does not have dedicated funding`,
      ),
    )
  })

  it('when a 2018 response is approved, then the 2020 profiles, compared on latest answers, are regenerated and count it', async () => {
    const id2020 = await editionId(2020)
    await t.services.profiles.regeneration.regenerateEdition(id2020)
    const before = basisSize((await request(t.app).get('/cities/enschede-nld/2020')).text)
    expect(before).toBeGreaterThanOrEqual(5)
    const city = await buildCity(t.repos)
    const { editionId: id2018 } = await buildResponse(t.repos, {
      year: 2018,
      cityId: city.id,
      answers: [['strategy.formal', yes]],
    })
    await t.services.events.changed(id2018, 'response_approved')
    const after = await request(t.app).get('/cities/enschede-nld/2020')
    expect(basisSize(after.text)).toBe(before + 1)
  })

  it('when a published edition’s data changes, then its open-data release goes up and the corrections log says why', async () => {
    const id = await editionId(2020)
    const release = (await t.repos.editions.findById(id))!.dataRelease
    await t.services.events.changed(id, 'answer_corrected')
    expect((await t.repos.editions.findById(id))!.dataRelease).toBe(release + 1)
    const page = await request(t.app).get('/open-data')
    expect(mainText(page.text)).toContain(`2020 ${release + 1}`)
    expect(mainText(page.text)).toContain('An answer was corrected.')
  })
})

describe('which changes make a new open-data release', () => {
  it('when the 2018 questionnaire’s wording changes, then 2018 gets a new release and 2020, whose counted answers did not change, does not', async () => {
    const [id2018, id2020] = [await editionId(2018), await editionId(2020)]
    const releaseOf = async (id: number) => (await t.repos.editions.findById(id))!.dataRelease
    const [before2018, before2020] = [await releaseOf(id2018), await releaseOf(id2020)]
    await t.services.events.changed(id2018, 'definition_changed')
    expect(await releaseOf(id2018)).toBe(before2018 + 1)
    expect(await releaseOf(id2020)).toBe(before2020)
    const page = mainText((await request(t.app).get('/open-data')).text)
    expect(page).toContain('The wording of the questionnaire changed.')
    expect(page).not.toContain('Through the 2018 answers: The wording of the questionnaire changed.')
  })

  it('when a response is approved in a year not yet published, then no release is made: the first comes with publishing', async () => {
    const edition = await buildEdition(t.repos, { status: 'closed' })
    try {
      const city = await buildCity(t.repos)
      await buildReviewResponse(t.repos, {
        editionId: edition.id,
        cityId: city.id,
        status: 'approved',
        answers: simpleAnswers(edition.definition),
      })
      await t.services.events.changed(edition.id, 'response_approved')
      expect((await t.repos.editions.findById(edition.id))!.dataRelease).toBe(0)
      expect(await t.knex('data_releases').where({ edition_id: edition.id })).toEqual([])
    } finally {
      await t.knex('editions').where({ id: edition.id }).delete()
    }
  })
})

describe('regeneration cost', () => {
  it('when an edition is regenerated, then a fixed number of queries is made, whatever the number of cities', async () => {
    const id = await editionId(2020)
    const countQueries = async () => {
      let queries = 0
      const listener = () => (queries += 1)
      t.knex.on('query', listener)
      try {
        await t.services.profiles.regeneration.regenerateEdition(id)
      } finally {
        t.knex.off('query', listener)
      }
      return queries
    }
    const before = await countQueries()
    for (let i = 0; i < 3; i++) {
      const city = await buildCity(t.repos)
      await buildResponse(t.repos, {
        year: 2020,
        cityId: city.id,
        answers: [
          ['strategy.formal', yes],
          ['roles', multiple(['designer'])],
        ],
      })
    }
    expect(await countQueries()).toBe(before)
    // Answers are read twice (counting the basis, then building profiles), a page of 100 responses
    // per query: the demo edition is one page each time. Eight more are the job's (ask for it,
    // claim it, record the run, read it back, find the edition) and three check the release's
    // archived files. Each further language whose translation is complete (Spanish, for the shipped
    // 2020) adds its aggregate's insert and its snapshots' batches: three more.
    expect(before).toBeLessThanOrEqual(26)
  })
})

describe('only published editions and approved answers are public', () => {
  it('when a city’s response is in progress, submitted or returned, then it has no profile, is not compared and is not in the open data', async () => {
    const id = await editionId(2020)
    await t.services.profiles.regeneration.regenerateEdition(id)
    const basisBefore = basisSize((await request(t.app).get('/cities/enschede-nld/2020')).text)
    expect(basisBefore).toBeGreaterThanOrEqual(5)
    const edition = (await t.repos.editions.findById(id))!
    const cities = []
    for (const status of ['in_progress', 'submitted', 'returned'] as const) {
      const city = await buildCity(t.repos, { name: `Draftville ${status} ${Date.now()}` })
      await buildReviewResponse(t.repos, {
        editionId: id,
        cityId: city.id,
        status,
        answers: simpleAnswers(
          edition.definition,
          new Map([
            ['city.spotlight', { type: 'longtext', value: `A ${status} spotlight nobody may read yet` }],
          ]),
        ),
      })
      cities.push(city)
    }
    await t.services.profiles.regeneration.regenerateEdition(id)
    const enschede = await request(t.app).get('/cities/enschede-nld/2020')
    expect(basisSize(enschede.text)).toBe(basisBefore)
    const csv = await request(t.app).get('/open-data/2020.csv')
    const list = (await request(t.app).get('/cities')).text
    for (const city of cities) {
      expect((await request(t.app).get(`/cities/${city.slug}/2020`)).status, city.name).toBe(404)
      expect((await request(t.app).get(`/cities/${city.slug}`)).status, city.name).toBe(404)
      expect(csv.text).not.toContain(city.slug)
      expect(list).not.toContain(city.name)
    }
    expect(csv.text).not.toContain('nobody may read yet')
  })

  it('when an earlier year is not published, then its approved answers are not in 2020’s comparison of every city’s latest answers', async () => {
    const id2020 = await editionId(2020)
    await t.services.profiles.regeneration.regenerateEdition(id2020)
    const before = basisSize((await request(t.app).get('/cities/enschede-nld/2020')).text)
    expect(before).toBeGreaterThanOrEqual(5)
    // A year of its own before 2020 (the PostgreSQL database is shared), closed but never published.
    const definition2018 = (await t.repos.editions.findByYear(2018))!.definition
    let year = 0
    for (let candidate = 2017; candidate > 1990 && !year; candidate--)
      if (!(await t.repos.editions.findByYear(candidate))) year = candidate
    const id = await t.repos.editions.create({
      year,
      title: `Unpublished ${year}`,
      status: 'closed',
      definition: { ...definition2018, year },
    })
    try {
      const city = await buildCity(t.repos)
      await buildResponse(t.repos, { year, cityId: city.id, answers: [['strategy.formal', yes]] })
      await t.services.profiles.regeneration.regenerateEdition(id2020)
      expect(basisSize((await request(t.app).get('/cities/enschede-nld/2020')).text)).toBe(before)
    } finally {
      await t.knex('editions').where({ id }).delete()
      await t.services.profiles.regeneration.regenerateEdition(id2020)
    }
  })

  it('when an edition is not published, then its approved profiles, results and data are not found', async () => {
    const city = await buildCity(t.repos)
    const { editionId: id } = await buildResponse(t.repos, {
      year: 2026,
      cityId: city.id,
      answers: [['strategy.formal', yes]],
    })
    await t.services.events.changed(id, 'response_approved')
    const stored = await t.knex('profile_snapshots').where({ edition_id: id, city_id: city.id })
    expect(stored.map((row) => row.locale).sort()).toEqual(['en', 'es'])
    for (const path of [
      `/cities/${city.slug}/2026`,
      `/cities/${city.slug}`,
      '/results/2026',
      '/results/2026/strategy-formal',
      '/open-data/2026.csv',
      '/open-data/2026.json',
      '/open-data/2026-codebook.csv',
    ]) {
      expect((await request(t.app).get(path)).status, path).toBe(404)
    }
    expect((await request(t.app).get('/results')).text).not.toContain('/results/2026')
  })
})

describe('free text is shown as written, never run', () => {
  const script = '<script>alert(1)</script>'

  it('when free-text answers hold HTML or a formula, then the profile escapes them and the exports keep them inert', async () => {
    const city = await buildCity(t.repos, { name: `Escape <b>City</b> ${Date.now()}` })
    const { editionId: id } = await buildResponse(t.repos, {
      year: 2020,
      cityId: city.id,
      answers: [
        ['city.mayor', { type: 'text', value: `Mayor ${script}` }],
        ['city.spotlight', { type: 'longtext', value: `Spotlight ${script}` }],
        ['city.innovation_website', { type: 'url', value: 'javascript:alert(1)' }],
        ['roles', multiple(['project_manager', 'other'], '<img src=x onerror=alert(2)>')],
        ['strategy.formal', yes],
        ['strategy.description', { type: 'longtext', value: '=HYPERLINK("http://evil.example","click")' }],
      ],
    })
    await t.services.events.changed(id, 'response_approved')

    const profile = await request(t.app).get(`/cities/${city.slug}/2020`)
    expect(profile.status).toBe(200)
    expect(profile.text).not.toContain(script)
    expect(profile.text).not.toContain('<img src=x')
    expect(profile.text).not.toContain('<b>City</b>')
    expect(profile.text).not.toContain('href="javascript:')
    expect(profile.text).toContain('Spotlight &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(profile.text).toContain('&lt;img src=x onerror=alert(2)&gt;')
    expect(mainText(profile.text)).toContain(`${city.name} utilizes 2 different innovation skills or roles`)

    const csv = await request(t.app).get('/open-data/2020.csv')
    expect(csv.headers['content-type']).toMatch(/^text\/csv/)
    expect(csv.headers['content-disposition']).toMatch(/^attachment/)
    expect(csv.headers['x-content-type-options']).toBe('nosniff')
    const rows: Array<Record<string, string>> = parse(csv.text, { bom: true, columns: true })
    const row = rows.find((r) => r.city_slug === city.slug)!
    expect(row['city.spotlight']).toBe(`Spotlight ${script}`)
    expect(row['roles.other_text']).toBe('<img src=x onerror=alert(2)>')
    expect(row['strategy.description']).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(row['roles.project_manager']).toBe('1')
    expect(row['roles.designer']).toBe('0')

    const json = await request(t.app)
      .get('/open-data/2020.json')
      .buffer(true)
      .parse((res, done) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => done(null, body))
      })
    const raw = json.body as string
    expect(raw).not.toContain('<script>')
    expect(raw).not.toContain('<img')
    expect(raw).toContain('\\u003cscript\\u003e')
    const data = JSON.parse(raw) as {
      cities: Array<{ slug: string; answers: Record<string, { value?: string }> }>
    }
    expect(data.cities.find((c) => c.slug === city.slug)!.answers['city.spotlight'].value).toBe(
      `Spotlight ${script}`,
    )
  })
})
