import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { expectInOrder, mainText } from '../support/profilesFactories'
import { enschedeSeed as seed } from '../unit/fixtures/enschedeSeed'

const t = testApp()
afterAll(() => t.close())

/**
 * The share the 2020 profile should show, counted straight from the answers table: the 2020
 * edition compares every city once, with its latest approved answers in a published edition up
 * to 2020; the share is cities giving this answer over cities answering, rounded half up.
 */
async function basisResponseIds(): Promise<number[]> {
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
  return [...latest.values()].map((r) => r.id)
}

async function independentShare(
  questionKey: string,
  optionKey: string,
): Promise<{ share: number; same: number; answered: number; basis: number }> {
  const ids = await basisResponseIds()
  const count = async (option?: string) => {
    const [row] = await t
      .knex('answers')
      .whereIn('response_id', ids)
      .where('question_key', questionKey)
      .modify((q) => {
        if (option) q.where('option_key', option)
      })
      .countDistinct<{ n: number | string }[]>({ n: 'response_id' })
    return Number(row.n)
  }
  const answered = await count()
  const same = await count(optionKey)
  return { share: Math.floor((200 * same + answered) / (2 * answered)), same, answered, basis: ids.length }
}

/**
 * What a sentence's share is of: "cities surveyed" when every compared city answered, else "the N
 * cities that answered" (on the shared PostgreSQL database other files add cities that skip questions).
 */
const ofBase = (count: { answered: number; basis: number }): string =>
  count.answered === count.basis ? 'cities surveyed' : `the ${count.answered} cities that answered`
const withBase = (sentence: string, count: { answered: number; basis: number }): string =>
  sentence.replace('of cities surveyed', `of ${ofBase(count)}`)

let page: request.Response
let text: string

beforeAll(async () => {
  // On the shared PostgreSQL database other files may have changed answers: start from fresh snapshots.
  const edition = await t.repos.editions.findByYear(2020)
  expect(edition?.basis).toBe('latest')
  await t.services.profiles.regeneration.regenerateEdition(edition!.id)
  page = await request(t.app).get('/cities/enschede-nld/2020')
  text = mainText(page.text)
})

describe('Enschede’s 2020 profile', () => {
  it('when a visitor opens it, then every list and sentence of the seed profile is there, in the seed’s order', async () => {
    expect(page.status).toBe(200)
    const strategy = await independentShare('strategy.formal', 'no')
    const approach = await independentShare('approach.level', 'both')
    const funding = await independentShare('funding.has_dedicated', 'yes')
    expectInOrder(text, [
      'Enschede',
      'Netherlands',
      seed.header.mayor,
      seed.header.population,
      seed.header.officerHeading,
      ...seed.officers,
      seed.helpingToHeading,
      ...seed.helpingTo,
      seed.successFactorsHeading,
      ...seed.successFactors,
      seed.spotlightHeading,
      'In the spirit of collaboration and knowledge sharing',
      seed.visionHeading,
      withBase(seed.strategy.replace('50%', `${strategy.share}%`), strategy),
      withBase(seed.approach, approach),
      seed.policyAreasHeading,
      ...seed.policyAreas,
      seed.policyAreasChart,
      seed.roles,
      ...seed.roleList,
      seed.rolesChart,
      seed.structure,
      seed.termsHeading,
      ...seed.terms,
      seed.activitiesHeading,
      seed.topActivity.label,
      seed.topActivity.hint,
      ...seed.activityList,
      seed.fundingHeading,
      withBase(seed.funding.replace('81%', `${funding.share}%`), funding),
      seed.sourcesHeading,
      ...seed.sources.flatMap((source) => (source.hint ? [source.label, source.hint] : [source.label])),
      seed.fundedHeading,
      ...seed.funded,
      seed.fundedHeading,
      seed.fundedFootnote,
      seed.measuredHeading,
      seed.partnerships,
      seed.dataPartnerships,
      seed.availabilityHeading,
      seed.columnHeadings[0],
      ...seed.sufficient,
      seed.columnHeadings[1],
      ...seed.insufficient,
    ])
  })

  it('when the comparison sentences are read, then each share equals an independent count over the answers table', async () => {
    const strategy = await independentShare('strategy.formal', 'no')
    const approach = await independentShare('approach.level', 'both')
    const funding = await independentShare('funding.has_dedicated', 'yes')
    expect(text).toContain(
      `Along with ${strategy.share}% of ${ofBase(strategy)}, Enschede does not have an explicit innovation strategy.`,
    )
    expect(2 * approach.same).toBeGreaterThan(approach.answered)
    expect(text).toContain(
      `Similar to more than half of ${ofBase(approach)}, Enschede approaches innovation capacity both from a holistic/macro level`,
    )
    expect(text).toContain(
      `Like ${funding.share}% of ${ofBase(funding)}, Enschede has dedicated funding to support innovation capacity.`,
    )
    expect(text).toContain(`of ${strategy.basis} cities surveyed`)
    expect(page.text).toContain(`<strong class="cis-share">${funding.share}%</strong>`)
  })

  it('when the shares are counted on the untouched demo data, then they are the seed’s 50% and 81%', async () => {
    const strategy = await independentShare('strategy.formal', 'no')
    const funding = await independentShare('funding.has_dedicated', 'yes')
    if (process.env.DATABASE_URL?.startsWith('postgres')) return // shared database: other files add cities
    expect([strategy.share, funding.share]).toEqual([50, 81])
    expect(text).toContain(seed.strategy)
    expect(text).toContain(seed.funding)
  })

  it('when the activities chart is shown, then it counts cities per activity, highlights Enschede’s and carries the footnote', async () => {
    const figure =
      /<figure class="cis-figure" data-chart="funding.activities">([\s\S]*?)<\/figure>/.exec(
        page.text,
      )?.[1] ?? ''
    expect(figure).toContain('<figcaption class="cis-figure__title">Activities being funded</figcaption>')
    expect(figure).toContain('<div class="cis-chart" id="chart-funding-activities">')
    expect(figure).toContain('</span> Enschede’s answers</p>')
    // The footnote's marker sits on the label it explains.
    expect(figure).toContain('Launching or sustaining a project<sup class="cis-bars__marker">*</sup>')
    expect(figure).toContain('class="bar bar--own" data-option="idea_generation"')
    expect(figure).toContain('class="bar" data-option="launching_project"')
    expect(mainText(figure, { charts: true })).toContain(seed.fundedFootnote)
    // Only cities whose latest answers are from 2018 could choose this 2018-only option.
    const launching = await independentShare('funding.activities', 'launching_project')
    expect(launching.same).toBeGreaterThan(0)
    const row = { n: launching.same }
    expect(figure).toMatch(
      new RegExp(
        `Launching or sustaining a project</th>\\s*<td class="num" data-label="Cities">${Number(row.n)}</td>`,
      ),
    )
  })

  it('when the profile is asked for again with its ETag, then the answer is 304 with no body', async () => {
    const etag = page.headers.etag
    expect(etag).toMatch(/^W\/"/)
    const again = await request(t.app).get('/cities/enschede-nld/2020').set('If-None-Match', etag)
    expect(again.status).toBe(304)
    expect(again.text ?? '').toBe('')
    expect(again.headers.etag).toBe(etag)
    const other = await request(t.app).get('/cities/enschede-nld/2020').set('If-None-Match', 'W/"stale"')
    expect(other.status).toBe(200)
    expect(other.headers.etag).toBe(etag)
    expect(other.headers['content-security-policy']).toMatch(/nonce-/)
    const missing = await request(t.app).get('/cities/no-such-city/2020').set('If-None-Match', etag)
    expect(missing.status).toBe(404)
  })

  it('when two visitors read the same cached profile, then each page carries the nonce of its own CSP header', async () => {
    const nonces = []
    for (let i = 0; i < 2; i++) {
      const response = await request(t.app).get('/cities/enschede-nld/2020')
      const nonce = /'nonce-([^']+)'/.exec(response.headers['content-security-policy'])![1]
      const inPage = [...response.text.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1])
      // The public layout has no inline script today; any nonce a page carries must be its own.
      expect(new Set(inPage)).toEqual(inPage.length > 0 ? new Set([nonce]) : new Set())
      expect(response.text).not.toMatch(/<script(?![^>]*\bnonce=)[^>]*>[^<]/)
      expect(response.text).not.toContain('__CSP_NONCE__')
      nonces.push(nonce)
    }
    expect(nonces[0]).not.toBe(nonces[1])
  })

  it('when only the edition’s shared charts change, then the ETag changes and the page shows the new chart with Enschede’s bars', async () => {
    const edition = (await t.repos.editions.findByYear(2020))!
    const snapshotHash = () =>
      t
        .knex('profile_snapshots as s')
        .join('cities as c', 'c.id', 's.city_id')
        .where({ 'c.slug': 'enschede-nld', 's.edition_id': edition.id, 's.locale': 'en' })
        .first('s.content_hash')
    const english = { edition_id: edition.id, locale: 'en' }
    const stored = await t.knex('edition_aggregates').where(english).first()
    const before = await snapshotHash()
    const aggregate = JSON.parse(stored.content)
    aggregate.charts.roles.svg = aggregate.charts.roles.svg.replace(
      'class="cis-chart"',
      'class="cis-chart" data-redrawn="yes"',
    )
    try {
      await t
        .knex('edition_aggregates')
        .where(english)
        .update({
          content: JSON.stringify(aggregate),
          content_hash: `${stored.content_hash.slice(0, 60)}beef`,
        })
      t.services.profiles.pages.forget()
      const after = await request(t.app)
        .get('/cities/enschede-nld/2020')
        .set('If-None-Match', page.headers.etag)
      expect(after.status).toBe(200)
      expect(after.headers.etag).not.toBe(page.headers.etag)
      expect(await snapshotHash()).toEqual(before)
      const figure = /<figure class="cis-figure" data-chart="roles">([\s\S]*?)<\/figure>/.exec(
        after.text,
      )?.[1]
      expect(figure).toContain('data-redrawn="yes"')
      expect(figure).toContain('class="bar bar--own" data-option="project_manager"')
    } finally {
      await t.knex('edition_aggregates').where(english).update(stored)
      t.services.profiles.pages.forget()
    }
  })

  it('when a visitor opens /cities/enschede-nld, then they are sent to the latest published year', async () => {
    const response = await request(t.app).get('/cities/enschede-nld')
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/cities/enschede-nld/2020')
  })

  it('when the PDF is asked for, then a PDF of the profile is sent as a download', async () => {
    const response = await request(t.app)
      .get('/cities/enschede-nld/2020.pdf')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/pdf')
    expect(response.headers['content-disposition']).toContain('enschede-nld-2020.pdf')
    const pdf = response.body as Buffer
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(3000)
  })

  it('when a year or city has no published profile, then the page is not found', async () => {
    for (const path of [
      '/cities/enschede-nld/2026',
      '/cities/enschede-nld/2019',
      '/cities/enschede-nld/20x0',
      '/cities/no-such-city/2020',
      '/cities/no-such-city',
      '/cities/enschede-nld/2026.pdf',
    ]) {
      const response = await request(t.app).get(path)
      expect(response.status, path).toBe(404)
    }
  })
})

/** A city with profiles of more than one year. */
async function cityWithSeveralYears(): Promise<{ slug: string }> {
  const [city] = await t
    .knex('profile_snapshots as s')
    .join('cities as c', 'c.id', 's.city_id')
    .where('s.locale', 'en')
    .groupBy('c.slug')
    .havingRaw('count(*) > 1')
    .select('c.slug')
  return city
}

describe('two years of one city', () => {
  it('when a city answered in 2018 and 2020, then its profile links both years and the comparison shows what changed', async () => {
    const both = await cityWithSeveralYears()
    const profile = await request(t.app).get(`/cities/${both.slug}/2020`)
    expect(profile.text).toContain(`href="/cities/${both.slug}/2018"`)
    expect(profile.text).toContain(`/cities/${both.slug}/compare?from=2018&amp;to=2020`)
    const compare = await request(t.app).get(`/cities/${both.slug}/compare?from=2018&to=2020`)
    expect(compare.status).toBe(200)
    expect(mainText(compare.text)).toMatch(/\d+ answers? changed between these years|No answer changed/)
    expect(compare.text).toContain('<th scope="col">2018</th>')
    expect(compare.text).toContain('Does the municipality have a formal innovation strategy?')
    const missing = await request(t.app).get(`/cities/${both.slug}/compare?from=2019&to=2020`)
    expect(missing.status).toBe(404)
    const bad = await request(t.app).get(`/cities/${both.slug}/compare?from=abc`)
    expect(bad.status).toBe(404)
    expect(bad.text).toContain('There is no such survey year')
  })
})

describe('one published year of a city', () => {
  it('when a city has a single published year, then the comparison says so and links the profile instead of comparing the year with itself', async () => {
    const [one] = await t
      .knex('profile_snapshots as s')
      .join('cities as c', 'c.id', 's.city_id')
      .join('editions as e', 'e.id', 's.edition_id')
      .where({ 'e.status': 'published', 's.locale': 'en' })
      .groupBy('c.slug', 'c.name')
      .havingRaw('count(*) = 1')
      .select('c.slug', 'c.name', t.knex.raw('max(e.year) as year'))
    const page = await request(t.app).get(`/cities/${one.slug}/compare`)
    expect(page.status).toBe(200)
    const text = mainText(page.text)
    expect(text).toContain(`${one.name}: only one survey year published`)
    expect(text).toContain(
      `There is only one published year of ${one.name}’s innovation profile, ${one.year}`,
    )
    expect(page.text).toContain(`href="/cities/${one.slug}/${one.year}"`)
    expect(text).not.toContain(`${one.year} and ${one.year}`)
    expect(text).not.toContain('Answers side by side')
  })

  it('when a visitor asks to compare a year with itself, then they are asked for two different years', async () => {
    const both = await cityWithSeveralYears()
    const page = await request(t.app).get(`/cities/${both.slug}/compare?from=2020&to=2020`)
    expect(page.status).toBe(400)
    expect(mainText(page.text)).toContain('Choose two different years to compare')
  })
})
