import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { csrfToken, signedInAgent, type Agent } from '../support/http'
import { buildEdition, buildResponse } from '../support/authoringFactories'
import { allQuestions } from '../../src/questionnaire/definitionModel'

const t = testApp()
let admin: Agent
beforeAll(async () => {
  admin = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
})
afterAll(() => t.close())

const layout = (year: number) => `/admin/editions/${year}/questionnaire/profile`
const post = async (path: string, fields: Record<string, unknown>, formPath = path) =>
  admin
    .post(path)
    .type('form')
    .send({ _csrf: await csrfToken(admin, formPath), ...fields })
const definitionOf = async (year: number) => (await t.repos.editions.findByYear(year))!.definition
const blockKeys = async (year: number) => (await definitionOf(year)).profile.blocks.map((b) => b.key)
/** The profile sections of a rendered page, in page order. */
const sectionsOf = (html: string) => [...html.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1])

describe('the profile layout in the editor', () => {
  it('when an administrator adds, renames, moves and removes blocks, then the definition keeps them in that order', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const before = await blockKeys(edition.year)
    const page = await admin.get(layout(edition.year))
    expect(page.status).toBe(200)
    expect(page.text).toContain(`Block 1 of ${before.length}`)
    expect(page.text).toContain('Facts table')
    expect(page.text).toContain('From the city’s record: Country')

    const added = await post(`${layout(edition.year)}/blocks/new`, {
      key: 'highlights',
      title: 'Highlights',
      layout: 'section',
      heading: 'What {city} is proud of',
    })
    expect(added.status).toBe(302)
    expect(added.headers.location).toBe(layout(edition.year))
    expect(await blockKeys(edition.year)).toEqual([...before, 'highlights'])

    const moved = await post(
      `${layout(edition.year)}/blocks/highlights/move`,
      { direction: 'up' },
      layout(edition.year),
    )
    expect(moved.status).toBe(302)
    expect((await blockKeys(edition.year)).at(-2)).toBe('highlights')

    const renamed = await post(`${layout(edition.year)}/blocks/highlights`, {
      key: 'pride',
      title: 'Pride',
      layout: 'section',
      heading: 'What {city} is proud of',
    })
    expect(renamed.status).toBe(302)
    expect((await definitionOf(edition.year)).profile.blocks.at(-2)).toEqual({
      key: 'pride',
      title: 'Pride',
      layout: 'section',
      heading: 'What {city} is proud of',
    })

    const confirm = await admin.get(`${layout(edition.year)}/blocks/pride/remove`)
    expect(confirm.text).toContain('Yes, remove it')
    const removed = await post(`${layout(edition.year)}/blocks/pride/remove`, {})
    expect(removed.status).toBe(302)
    expect(await blockKeys(edition.year)).toEqual(before)
  })

  it('when a block shows questions, then removing it is refused with their keys; a bad key is shown beside its field', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const [facts] = (await definitionOf(edition.year)).profile.blocks
    const shown = allQuestions(await definitionOf(edition.year))
      .map(({ question }) => question)
      .filter((question) => question.profile?.section === facts.key)
    const refused = await admin.get(`${layout(edition.year)}/blocks/${facts.key}/remove`)
    expect(refused.text).toContain('This cannot be removed')
    expect(refused.text).toContain(shown.map((q) => q.key).join(', '))

    const bad = await post(`${layout(edition.year)}/blocks/new`, { key: 'Not A Key', layout: 'section' })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('must be lower-case words joined by')
    expect(bad.text).toContain('value="Not A Key"')
    const twice = await post(`${layout(edition.year)}/blocks/new`, { key: facts.key, layout: 'facts' })
    expect(twice.status).toBe(400)
    expect(twice.text).toContain(`Two profile blocks have the key “${facts.key}”`)
  })

  it('when a question is put in a block from its form, then the layout page lists it there; a block the profile lacks is a problem beside the field', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    await post(`${layout(edition.year)}/blocks/new`, { key: 'money', title: 'Money', layout: 'section' })
    const form = `/admin/editions/${edition.year}/questionnaire/questions/funding.has_dedicated`
    const page = await admin.get(form)
    expect(page.text).toContain('<option value="money">Money</option>')
    const fields = {
      key: 'funding.has_dedicated',
      label: 'Does the city have dedicated funding?',
      required: 'true',
      pageKey: 'funding',
      profileDisplay: 'sentence',
    }
    expect((await post(form, { ...fields, profileSection: 'money' })).status).toBe(302)
    const listed = await admin.get(layout(edition.year))
    const money = listed.text.slice(listed.text.indexOf('id="block-money"'))
    expect(money).toContain('funding.has_dedicated')

    const unknown = await post(form, { ...fields, profileSection: 'nowhere' })
    expect(unknown.status).toBe(400)
    expect(unknown.text).toContain('href="#profileSection"')
    expect(unknown.text).toContain('is shown in the profile block “nowhere”, which the profile does not have')
  })

  it('when a city is chosen for the preview, then its profile shows the blocks in the layout’s order with the layout’s wording', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const responseId = await buildResponse(t.repos, edition.id, {
      'city.mayor': { type: 'text', value: 'Mia Mayor' },
      'city.spotlight': { type: 'longtext', value: 'Our <b>bridge</b> project' },
      'funding.has_dedicated': { type: 'yesno', choice: 'yes' },
    })
    const response = (await t.repos.responses.findById(responseId))!
    const city = (await t.repos.cities.list()).find((c) => c.id === response.cityId)!
    const chooser = await admin.get(layout(edition.year))
    expect(chooser.text).toContain(`<option value="${city.slug}">${city.name} (In progress)</option>`)

    const first = await admin.get(`${layout(edition.year)}/preview?city=${city.slug}`)
    expect(first.status).toBe(200)
    expect(first.text).toContain('Preview, not published.')
    expect(first.text).toContain('Mia Mayor')
    expect(first.text).toContain('Our &lt;b&gt;bridge&lt;/b&gt; project')
    expect(first.text).not.toContain('Download this profile (PDF)')
    expect(sectionsOf(first.text)).toEqual(['spotlight', 'funding'])

    // The funding block moved above the spotlight, and the facts table relabelled.
    const keys = await blockKeys(edition.year)
    for (let i = keys.indexOf('funding'); i > keys.indexOf('spotlight'); i--)
      await post(`${layout(edition.year)}/blocks/funding/move`, { direction: 'up' }, layout(edition.year))
    const [facts] = (await definitionOf(edition.year)).profile.blocks
    await post(`${layout(edition.year)}/blocks/${facts.key}`, {
      key: facts.key,
      layout: 'facts',
      factCountry: 'Nation',
    })
    const second = await admin.get(`${layout(edition.year)}/preview?city=${city.slug}`)
    expect(sectionsOf(second.text)).toEqual(['funding', 'spotlight'])
    expect(second.text).toContain('<dt class="facts__key">Nation</dt>')
    expect(second.text).not.toContain('<dt class="facts__key">Country</dt>')
  })

  it('when a section is given a public title, then it is stored beside the officer’s title', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const form = `/admin/editions/${edition.year}/questionnaire/sections/funding`
    expect((await admin.get(form)).text).toContain('name="publicTitle"')
    const saved = await post(form, { key: 'funding', title: 'Your funding', publicTitle: 'Funding' })
    expect(saved.status).toBe(302)
    const section = (await definitionOf(edition.year)).sections.find((s) => s.key === 'funding')!
    expect([section.title, section.publicTitle]).toEqual(['Your funding', 'Funding'])
  })

  it('when a form is posted without its CSRF token or the preview names a city without a response, then nothing happens', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const before = await blockKeys(edition.year)
    const forged = await admin
      .post(`${layout(edition.year)}/blocks/new`)
      .type('form')
      .send({ key: 'forged' })
    expect(forged.status).toBe(403)
    expect(await blockKeys(edition.year)).toEqual(before)
    expect((await admin.get(`${layout(edition.year)}/preview?city=no-such-city`)).status).toBe(404)
  })
})
