import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { postForm, signedInAgent } from '../support/http'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'
import { officerCanEdit } from '../../src/review/editionLifecycle'
import { questionIndex } from '../../src/questionnaire/definitionModel'
import { fieldId } from '../../src/questionnaire/formCodec'
import { pageState, validFields } from '../support/collectionFactories'
import type { EditionChange } from '../../src/shared/editionEvents'
import { parsedDefinition } from '../unit/helpers/definitions'

const t = testApp()
afterAll(() => t.close())

const heard: Array<[number, EditionChange]> = []
t.services.events.subscribe(async (editionId, change) => {
  heard.push([editionId, change])
})

const admin = () => signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
const statusOf = async (year: number) => (await t.repos.editions.findByYear(year))!.status

describe('survey year lifecycle', () => {
  it('when an officer or a visitor opens the administration, then they are refused or sent to sign in', async () => {
    const officer = await signedInAgent(t.app, 'enschede.officer@example.org', DEMO_PASSWORD)
    expect((await officer.get('/admin/editions')).status).toBe(403)
    const anonymous = await request(t.app).get('/admin/editions/2020')
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.location).toBe('/login')
  })

  it('when an admin lists survey years, then each shows its status and response counts', async () => {
    const agent = await admin()
    const page = await agent.get('/admin/editions')
    expect(page.status).toBe(200)
    expect(page.text).toContain('href="/admin/editions/2020"')
    const approved2020 = await t
      .knex('responses')
      .join('editions', 'editions.id', 'responses.edition_id')
      .where({ year: 2020, 'responses.status': 'approved' })
      .count({ n: '*' })
      .first()
    expect(page.text).toContain(`>${new Intl.NumberFormat('en-GB').format(Number(approved2020!.n))}<`)
    expect(page.text).toContain('Published')
  })

  it('when an admin publishes a draft, then it is refused with a clear message and nothing changes', async () => {
    const edition = await buildEdition(t.repos)
    const agent = await admin()
    const page = await agent.get(`/admin/editions/${edition.year}/publish`)
    expect(page.status).toBe(409)
    expect(page.text).toContain(
      'You cannot publish results while the survey year is a draft. It must be closed first.',
    )
    const post = await postForm(
      agent,
      `/admin/editions/${edition.year}`,
      `/admin/editions/${edition.year}/publish`,
      {},
    )
    expect(post.status).toBe(409)
    expect(await statusOf(edition.year)).toBe('draft')
  })

  it('when an admin opens a survey year whose questionnaire is invalid, then it stays a draft and the problems are listed', async () => {
    const definition = copyDefinition(parsedDefinition(2020), 2020)
    definition.sections[0].pages[0].questions[0].condition = { question: 'no.such_question', anyOf: ['yes'] }
    const edition = await buildEdition(t.repos, { definition })
    const agent = await admin()
    const confirm = await agent.get(`/admin/editions/${edition.year}/open`)
    expect(confirm.text).toContain(
      'its condition names &#34;no.such_question&#34;, which is not a question of this questionnaire',
    )
    const post = await postForm(
      agent,
      `/admin/editions/${edition.year}`,
      `/admin/editions/${edition.year}/open`,
      {},
    )
    expect(post.status).toBe(400)
    expect(post.text).toContain('The questionnaire has problems. Fix them before opening the survey year.')
    expect(await statusOf(edition.year)).toBe('draft')
  })

  it('when an admin opens, closes, publishes and unpublishes after confirming, then each step is audited and publishing regenerates profiles', async () => {
    const edition = await buildEdition(t.repos)
    const agent = await admin()
    const base = `/admin/editions/${edition.year}`
    for (const [action, status] of [
      ['open', 'open'],
      ['close', 'closed'],
      ['publish', 'published'],
      ['unpublish', 'closed'],
    ] as const) {
      const confirm = await agent.get(`${base}/${action}`)
      expect(confirm.status).toBe(200)
      const post = await postForm(agent, `${base}/${action}`, `${base}/${action}`, {})
      expect(post.status).toBe(302)
      expect(await statusOf(edition.year)).toBe(status)
    }
    const audit = await t
      .knex('audit_log')
      .where({ subject: `edition:${edition.year}` })
      .orderBy('id')
    expect(audit.map((a) => a.type)).toEqual([
      'edition_open',
      'edition_close',
      'edition_publish',
      'edition_unpublish',
    ])
    expect(heard.filter(([id]) => id === edition.id).map(([, change]) => change)).toEqual([
      'published',
      'unpublished',
    ])
    const details = await agent.get(base)
    expect(details.text).toContain('(published → closed) by Demo Administrator')
    // Publishing recorded the year's first data release.
    const releases = await t.knex('data_releases').where({ edition_id: edition.id }).select('version', 'note')
    expect(releases).toEqual([{ version: 1, note: 'First release.' }])
  })

  it('when the admin closes a survey year, then an officer’s save is refused (only a returned response stays editable)', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const city = await buildCity(t.repos)
    const officer = await buildUser(t.repos, { cityId: city.id })
    await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: city.id,
      answers: simpleAnswers(edition.definition),
      actorId: officer.id,
    })
    const officerAgent = await signedInAgent(t.app, officer.email, officer.password)
    const placed = questionIndex(edition.definition).get('city.mayor')!
    const path = `/survey/${edition.year}/${placed.section.key}/${placed.page.key}`
    const form = await officerAgent.get(path)
    expect(form.text).toContain('Save and continue')
    const fields = Object.assign({}, ...placed.page.questions.map((q) => validFields(q, edition.year)))

    const agent = await admin()
    const closing = await postForm(
      agent,
      `/admin/editions/${edition.year}/close`,
      `/admin/editions/${edition.year}/close`,
      {},
    )
    expect(closing.status).toBe(302)
    expect(await statusOf(edition.year)).toBe('closed')

    const refused = await officerAgent
      .post(path)
      .type('form')
      .send({
        ...pageState(form.text),
        ...fields,
        [fieldId('city.mayor')]: 'After closing',
        _action: 'continue',
      })
    expect(refused.status).toBe(409)
    expect(refused.text).toContain('This survey is closed')
    const mayor = (
      await t.repos.responses.answers((await t.repos.responses.find(edition.id, city.id))!.id)
    ).find((r) => r.questionKey === 'city.mayor')
    expect(mayor?.text).not.toBe('After closing')
    // The rule both capabilities apply: only a response returned for changes stays editable.
    expect(officerCanEdit('closed', 'in_progress')).toBe(false)
    expect(officerCanEdit('closed', 'returned')).toBe(true)
  })

  it('when settings are saved with a bad date, then the form says so, and a new basis regenerates profiles', async () => {
    const edition = await buildEdition(t.repos)
    const agent = await admin()
    const base = `/admin/editions/${edition.year}`
    const bad = await postForm(agent, base, `${base}/settings`, {
      opensOn: '2026-02-30',
      closesOn: '',
      basis: 'approved',
    })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Enter a real date, like 2026-09-01')
    expect(bad.text).toContain('value="2026-02-30"')
    const before = await postForm(agent, base, `${base}/settings`, {
      opensOn: '2026-09-01',
      closesOn: '2026-08-01',
      basis: 'approved',
    })
    expect(before.text).toContain('The closing date must be on or after the opening date')
    const ok = await postForm(agent, base, `${base}/settings`, {
      opensOn: '2026-09-01',
      closesOn: '2026-12-31',
      closesTime: '23:59',
      timeZone: 'UTC',
      basis: 'latest',
    })
    expect(ok.status).toBe(302)
    const saved = (await t.repos.editions.findByYear(edition.year))!
    expect([saved.opensOn, saved.closesOn, saved.basis]).toEqual(['2026-09-01', '2026-12-31', 'latest'])
    expect(heard).toContainEqual([edition.id, 'basis_changed'])
  })

  it('when an unknown survey year or action is asked for, then the answer is 404, not an error', async () => {
    const agent = await admin()
    expect((await agent.get('/admin/editions/1850')).status).toBe(404)
    expect((await agent.get('/admin/editions/abc')).status).toBe(404)
    expect((await agent.get('/admin/editions/2020/explode')).status).toBe(404)
  })
})

describe('the dashboard', () => {
  it('when an admin opens /admin, then every survey year is listed with links to progress and exports', async () => {
    const agent = await admin()
    const page = await agent.get('/admin')
    expect(page.status).toBe(200)
    for (const year of [2018, 2020, 2026])
      expect(page.text).toContain(`href="/admin/editions/${year}/progress"`)
    void buildUser
  })
})
