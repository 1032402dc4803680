import { afterAll, describe, expect, it } from 'vitest'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { postForm, signedInAgent } from '../support/http'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'

const t = testApp()
afterAll(() => t.close())

const admin = () => signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
const rowsOf = (html: string) =>
  [
    ...html.matchAll(
      /<tr class="govuk-table__row">\s*<th scope="row" class="govuk-table__header"><a class="govuk-link" href="[^"]+">([^<]+)<\/a>/g,
    ),
  ].map((m) => m[1])

describe('progress of a survey year', () => {
  it('when no city matches, then the page says so and offers to clear the filters', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const page = await (await admin()).get(`/admin/editions/${edition.year}/progress?status=submitted`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('id="empty-state"')
    expect(page.text).toContain('No cities match these filters.')
    expect(page.text).toContain('Clear the filters')
  })

  it('when an invited officer never set a password, then the city reads "never signed in", and the CSV has every city with its extension', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const region = `Testregion ${Math.random().toString(36).slice(2, 7)}`
    const invited = await buildCity(t.repos, {
      name: `=Quiet town ${Math.random().toString(36).slice(2, 7)}`,
      region,
    })
    const waiting = await buildCity(t.repos, {
      name: `Ready ${Math.random().toString(36).slice(2, 7)}`,
      region,
    })
    const officer = await buildUser(t.repos, { cityId: invited.id })
    await t.knex('users').where({ id: officer.id }).update({ password_hash: null })
    await buildUser(t.repos, { cityId: waiting.id })
    await t.repos.extensions.set(edition.id, waiting.id, '2099-01-15T12:00:00.000Z', 'Elections', officer.id)
    const agent = await admin()
    const base = `/admin/editions/${edition.year}/progress`
    const page = await agent.get(`${base}?region=${encodeURIComponent(region)}`)
    expect(page.text).toMatch(/<span class="cis-counts__number">1<\/span> never signed in/)
    expect(page.text).toMatch(/<span class="cis-counts__number">1<\/span> not started/)
    expect(page.text).toContain('Extended to 15 January 2099 at 12:00 (UTC)')

    const csv = await agent.get(`${base}.csv?region=${encodeURIComponent(region)}`)
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe(
      'City,Region,Status,Required answers (%),Answered,Required,Last activity (UTC),By,Extended deadline,Deadline,Last reminder (UTC)',
    )
    expect(lines.slice(1).sort()).toEqual(
      [
        `'${invited.name},${region},Never signed in,0,0,${lines[1].split(',')[5]},,,,,`,
        `${waiting.name},${region},Not started,0,0,${lines[1].split(',')[5]},,,15 January 2099 at 12:00 (UTC),15 January 2099 at 12:00 (UTC),`,
      ].sort(),
    )
  })

  it('when cities are at different stages, then counts, percentages, last activity and filters reflect them', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const region = `Testregion ${Math.random().toString(36).slice(2, 7)}`
    const [alpha, beta, gamma, delta] = await Promise.all(
      ['Alpha', 'Beta', 'Gamma', 'Delta'].map((n) =>
        buildCity(t.repos, { name: `${n} ${Math.random().toString(36).slice(2, 7)}`, region }),
      ),
    )
    const officer = await buildUser(t.repos, { cityId: alpha.id })
    await buildUser(t.repos, { cityId: delta.id })
    await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: alpha.id,
      answers: new Map<string, AnswerValue>([['city.mayor', { type: 'text', value: 'A' }]]),
      actorId: officer.id,
    })
    await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: beta.id,
      answers: simpleAnswers(edition.definition),
      status: 'submitted',
    })
    await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: gamma.id,
      answers: simpleAnswers(edition.definition),
      status: 'approved',
    })
    const agent = await admin()
    const base = `/admin/editions/${edition.year}/progress`
    const page = await agent.get(`${base}?region=${encodeURIComponent(region)}`)
    expect(rowsOf(page.text)).toEqual([alpha.name, beta.name, delta.name, gamma.name])
    expect(page.text).toMatch(/<span class="cis-counts__number">4<\/span> all cities/)
    expect(page.text).toMatch(/<span class="cis-counts__number">1<\/span> not started/)
    expect(page.text).toMatch(/<span class="cis-counts__number">1<\/span> submitted/)
    expect(page.text).toContain(`by Test ${officer.email.split('@')[0]}`)
    // One required question of many answered rounds down to a small whole percent.
    expect(page.text).toMatch(/>[1-9]%<span class="govuk-visually-hidden"> \(1 of \d+\)/)

    const submitted = await agent.get(`${base}?region=${encodeURIComponent(region)}&status=submitted`)
    expect(rowsOf(submitted.text)).toEqual([beta.name])
    const byPercent = await agent.get(`${base}?region=${encodeURIComponent(region)}&sort=percent&dir=desc`)
    expect(rowsOf(byPercent.text).slice(-2)).toEqual([alpha.name, delta.name])
    expect(byPercent.text).toContain('aria-sort="descending"')
    const nonsense = await agent.get(`${base}?sort=nonsense&page=-4&status=weird`)
    expect(nonsense.status).toBe(200)
  })

  it('when more than 50 cities are listed, then the list is split into pages', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const region = `Pageregion ${Math.random().toString(36).slice(2, 7)}`
    for (let i = 0; i < 52; i++) {
      const city = await buildCity(t.repos, {
        name: `Paged ${String(i).padStart(2, '0')} ${Math.random().toString(36).slice(2, 6)}`,
        region,
      })
      await t.repos.responses.findOrCreate(edition.id, city.id, null)
    }
    const agent = await admin()
    const first = await agent.get(
      `/admin/editions/${edition.year}/progress?region=${encodeURIComponent(region)}`,
    )
    expect(rowsOf(first.text)).toHaveLength(50)
    expect(first.text).toContain('page 1 of 2')
    expect(first.text).toContain('rel="next"')
    const second = await agent.get(
      `/admin/editions/${edition.year}/progress?region=${encodeURIComponent(region)}&page=2`,
    )
    expect(rowsOf(second.text).map((n) => n.slice(0, 9))).toEqual(['Paged 50 ', 'Paged 51 '])
  })
})

describe('cities', () => {
  it('when a city is added with mistakes, then each field says what to fix and the input is kept', async () => {
    const agent = await admin()
    const res = await postForm(agent, '/admin/cities/new', '/admin/cities/new', {
      name: '',
      country: 'Netherlands',
      iso3: 'NL',
      region: 'Atlantis',
      slug: 'Bad Slug!',
      latitude: '91',
      longitude: '',
    })
    expect(res.status).toBe(400)
    for (const message of [
      'Enter the city’s name',
      'Enter the country’s ISO 3166 code: 3 letters, like NLD',
      'Select a region',
      'Enter a latitude between -90 and 90, or leave it empty',
    ]) {
      expect(res.text).toContain(message)
    }
    expect(res.text).toContain('value="NL"')
  })

  it('when a city is added, then its slug is derived, it can be found, changed, and a second one cannot take its slug', async () => {
    const agent = await admin()
    const name = `Nieuwstad ${Math.random().toString(36).slice(2, 7)}`
    const created = await postForm(agent, '/admin/cities/new', '/admin/cities/new', {
      name,
      country: 'Netherlands',
      iso3: 'nld',
      region: 'Europe',
      slug: '',
      latitude: '52.1',
      longitude: '5.1',
    })
    expect(created.status).toBe(302)
    const slug = `${name.toLowerCase().replace(' ', '-')}-nld`
    const city = (await t.repos.cities.findBySlug(slug))!
    expect(city).toMatchObject({ name, iso3: 'NLD', region: 'Europe', latitude: 52.1 })
    const list = await agent.get(`/admin/cities?q=${encodeURIComponent(name.slice(0, 14).toUpperCase())}`)
    expect(list.text).toContain(`href="/admin/cities/${city.id}"`)
    const duplicate = await postForm(agent, '/admin/cities/new', '/admin/cities/new', {
      name: 'Other',
      country: 'Netherlands',
      iso3: 'NLD',
      region: 'Europe',
      slug,
    })
    expect(duplicate.status).toBe(400)
    expect(duplicate.text).toContain(`Another city already uses “${slug}”`)
    const edited = await postForm(agent, `/admin/cities/${city.id}/edit`, `/admin/cities/${city.id}/edit`, {
      name: `${name} Oost`,
      country: 'Netherlands',
      iso3: 'NLD',
      region: 'Europe',
      slug,
      latitude: '',
      longitude: '',
    })
    expect(edited.status).toBe(302)
    expect(await t.repos.cities.findById(city.id)).toMatchObject({
      name: `${name} Oost`,
      slug,
      latitude: null,
    })
    const audit = await t.knex('audit_log').where({ subject: slug }).orderBy('id')
    expect(audit.map((a) => a.type)).toEqual(['city_created', 'city_updated'])
  })

  it('when a city has officers, then its page links to their accounts and the search says when nothing matches', async () => {
    const city = await buildCity(t.repos)
    const officer = await buildUser(t.repos, { cityId: city.id })
    const agent = await admin()
    const page = await agent.get(`/admin/cities/${city.id}`)
    expect(page.text).toContain(`href="/admin/users/${officer.id}"`)
    expect(page.text).toContain(officer.email)
    const none = await agent.get('/admin/cities?q=zzzz-no-such-city-zzzz')
    expect(none.text).toContain('No cities match')
    expect((await agent.get('/admin/cities/999999999')).status).toBe(404)
  })
})
