import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { emptyTestApp, type TestApp } from '../support/testApp'
import { csrfToken, postForm, signedInAgent, type Agent } from '../support/http'
import { adminAgent, linkTokenFrom } from '../support/accountsFactories'
import { decodeHtml, pageState } from '../support/collectionFactories'
import { fieldId } from '../../src/questionnaire/formCodec'

/**
 * Issue 16's acceptance: on a deployment with no demo data, no edition and no city, a survey of
 * another domain is built from a blank in the editor, answered, reviewed and published, and its
 * public profile follows the definition's blocks and the deployment's wording. Every step goes
 * through the pages and their forms (real sign-in, CSRF on); the first administrator alone is
 * made by a factory, as the command line makes it on a real deployment.
 */
let t: TestApp
let admin: Agent
beforeAll(async () => {
  t = await emptyTestApp({
    SURVEY_NAME: 'Digital services survey',
    SURVEY_DESCRIPTION: 'How municipalities run their digital services.',
    SURVEY_FOOTER_ABOUT: 'a yearly look at municipal digital services.',
    PROFILE_TITLE: 'Digital profile',
    UNIT_SINGULAR: 'municipality',
    UNIT_PLURAL: 'municipalities',
    // One approved municipality is enough for shares to be shown.
    DISCLOSURE_THRESHOLD: '1',
  })
  admin = (await adminAgent(t)).agent
})
afterAll(() => t.close())

const year = 2041
const editor = `/admin/editions/${year}/questionnaire`
const layout = `${editor}/profile`
const innovationWording = /[Ii]nnovation/

/** POSTs an editor form with the token of its own page; expects the save to redirect. */
async function save(path: string, fields: Record<string, unknown>, formPath = path) {
  const response = await admin
    .post(path)
    .type('form')
    .send({ _csrf: await csrfToken(admin, formPath), ...fields })
  const problems = decodeHtml(response.text ?? '').match(/govuk-error-summary__list">([\s\S]*?)<\/ul>/)?.[1]
  expect(response.status, `${path}: ${problems ?? ''}`).toBe(302)
  return response
}

/** The question form's fields that put a question in a profile block. */
const inBlock = (section: string, display: string, more: Record<string, string> = {}) => ({
  profileSection: section,
  profileDisplay: display,
  ...more,
})

/** The visible text of an HTML fragment, tags dropped and spaces folded. */
const textOf = (html: string) =>
  decodeHtml(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()

const definition = async () => (await t.repos.editions.findByYear(year))!.definition

let officer: { email: string; password: string }
let cityName: string
let citySlug: string

describe('a survey of another domain from a blank start to a published profile', () => {
  it('when an administrator builds three pages, a condition and a profile layout in the editor, then the definition holds them', async () => {
    expect(await t.repos.editions.list()).toEqual([])
    await save('/admin/editions/new', { year: String(year), title: 'Digital services 2041', start: 'blank' })

    // The placeholder section, page and question become the survey's first ones.
    await save(`${editor}/sections/section_1`, { key: 'services', title: 'Online services' })
    await save(`${editor}/pages/section_1.page_1`, { key: 'services.offer', title: 'Services offered' })
    await save(`${editor}/questions/section_1.question_1`, {
      key: 'services.lead',
      label: 'What is the job title of the person who leads digital services?',
      required: 'true',
      pageKey: 'services.offer',
    })
    await save(`${editor}/pages/services.offer/questions/new`, {
      key: 'services.portal',
      type: 'yesno',
      label: 'Does the municipality have a single online portal?',
      required: 'true',
    })
    // Page 2, shown only to municipalities with a portal.
    await save(`${editor}/sections/services/pages/new`, {
      key: 'services.portal_page',
      title: 'The portal',
      conditionQuestion: 'services.portal',
      conditionAnswers: ['services.portal=yes'],
      questionKey: 'services.share_online',
      questionType: 'number',
      questionLabel: 'What share of service requests arrive through the portal?',
    })
    // Page 3 in a second section, with a question of options added to it.
    await save(`${editor}/sections/new`, {
      key: 'publishing',
      title: 'Open data',
      pageKey: 'publishing.main',
      pageTitle: 'What the municipality publishes',
      questionKey: 'publishing.open_data',
      questionType: 'yesno',
      questionLabel: 'Does the municipality publish open data?',
    })
    await save(`${editor}/pages/publishing.main/questions/new`, {
      key: 'publishing.formats',
      type: 'multiple',
      label: 'In which formats does it publish data?',
      required: 'true',
      newOptions: 'csv = Spreadsheets (CSV)\napi = A web API\nmaps = Map layers',
    })

    // The profile layout: a facts table, then open data above online services (not questionnaire order).
    expect((await definition()).profile.blocks).toEqual([])
    await save(`${layout}/blocks/new`, {
      key: 'facts',
      title: 'Facts',
      layout: 'facts',
      factCountry: 'Land',
    })
    await save(`${layout}/blocks/new`, {
      key: 'online',
      title: 'Online services',
      layout: 'section',
      heading: 'How {city} serves residents online',
    })
    await save(`${layout}/blocks/new`, {
      key: 'open_data',
      title: 'Open data',
      layout: 'section',
      heading: 'What {city} publishes',
    })
    await save(`${layout}/blocks/open_data/move`, { direction: 'up' }, layout)

    // Each question is put in its block from its own form.
    const question = (key: string) => `${editor}/questions/${key}`
    await save(question('services.lead'), {
      key: 'services.lead',
      label: 'What is the job title of the person who leads digital services?',
      required: 'true',
      pageKey: 'services.offer',
      ...inBlock('facts', 'value', { profileHeading: 'Lead of digital services' }),
    })
    await save(question('services.portal'), {
      key: 'services.portal',
      label: 'Does the municipality have a single online portal?',
      required: 'true',
      pageKey: 'services.offer',
      ...inBlock('online', 'sentence', {
        profileSentences:
          'equals=yes | Like {share} of municipalities surveyed, {city} has a single online portal.\n' +
          'equals=no | {city} has no single online portal.',
      }),
    })
    await save(question('services.share_online'), {
      key: 'services.share_online',
      label: 'What share of service requests arrive through the portal?',
      required: 'true',
      integer: 'true',
      unit: '%',
      pageKey: 'services.portal_page',
      ...inBlock('facts', 'value', { profileHeading: 'Requests made online (%)' }),
    })
    await save(question('publishing.open_data'), {
      key: 'publishing.open_data',
      label: 'Does the municipality publish open data?',
      required: 'true',
      pageKey: 'publishing.main',
      ...inBlock('open_data', 'sentence', {
        profileSentences:
          'equals=yes | {city} publishes open data.\nequals=no | {city} does not publish open data yet.',
      }),
    })
    await save(question('publishing.formats'), {
      key: 'publishing.formats',
      label: 'In which formats does it publish data?',
      required: 'true',
      pageKey: 'publishing.main',
      ...inBlock('open_data', 'list', { profileHeading: 'Formats {city} publishes in' }),
    })

    const built = await definition()
    expect(
      built.sections.map((s) => [s.key, s.pages.map((p) => [p.key, p.questions.map((q) => q.key)])]),
    ).toEqual([
      [
        'services',
        [
          ['services.offer', ['services.lead', 'services.portal']],
          ['services.portal_page', ['services.share_online']],
        ],
      ],
      ['publishing', [['publishing.main', ['publishing.open_data', 'publishing.formats']]]],
    ])
    expect(built.sections[0].pages[1].condition).toEqual({ question: 'services.portal', anyOf: ['yes'] })
    expect(built.profile.blocks.map((b) => b.key)).toEqual(['facts', 'open_data', 'online'])

    // The layout page lists each block's questions under it, in the layout's order.
    const page = decodeHtml((await admin.get(layout)).text)
    const at = (text: string) => page.indexOf(text)
    expect(at('id="block-facts"')).toBeGreaterThan(-1)
    expect(at('id="block-facts"')).toBeLessThan(at('id="block-open_data"'))
    expect(at('id="block-open_data"')).toBeLessThan(at('id="block-online"'))
    const openDataBlock = page.slice(at('id="block-open_data"'), at('id="block-online"'))
    expect(openDataBlock).toContain('publishing.formats')
    expect(openDataBlock).not.toContain('services.portal')
  })

  it('when the administrator opens the year and invites an officer of a new municipality, then the officer can sign in', async () => {
    const opened = await save(`/admin/editions/${year}/open`, {})
    expect(opened.headers.location).toBe(`/admin/editions/${year}`)
    expect((await t.repos.editions.findByYear(year))!.status).toBe('open')

    cityName = 'Deventer'
    const created = await save(
      '/admin/cities/new',
      { name: cityName, country: 'Netherlands', iso3: 'NLD', region: 'Europe', slug: '' },
      '/admin/cities/new',
    )
    const cityPage = decodeHtml((await admin.get(created.headers.location)).text)
    expect(cityPage).toContain(`<h1 class="govuk-heading-xl">${cityName}</h1>`)
    const cityId = Number(/\/admin\/cities\/(\d+)/.exec(created.headers.location)![1])
    citySlug = (await t.repos.cities.list()).find((c) => c.id === cityId)!.slug

    const email = 'dana.digital@deventer.example'
    const invited = await postForm(admin, '/admin/users/new', '/admin/users', {
      displayName: 'Dana Digital',
      email,
      role: 'officer',
      cityId: String(cityId),
    })
    expect(invited.status).toBe(302)
    const token = linkTokenFrom((await admin.get(invited.headers.location)).text)
    const visitor = request.agent(t.app)
    const password = 'a-long-digital-password'
    const set = await postForm(visitor, `/set-password/${token}`, `/set-password/${token}`, {
      newPassword: password,
      confirmPassword: password,
    })
    expect(set.headers.location).toBe('/login')
    officer = { email, password }
  })

  it('when the officer answers every page, the condition leading to the portal page, and submits, then the response is submitted', async () => {
    const agent = await signedInAgent(t.app, officer.email, officer.password)
    const start = await agent.get('/survey')
    expect(start.headers.location).toBe(`/survey/${year}`)
    const taskList = decodeHtml((await agent.get(`/survey/${year}`)).text)
    expect(taskList).toContain('Online services')
    expect(taskList).toContain('Open data')

    const answers: Record<string, Record<string, string | string[]>> = {
      'services.offer': {
        [fieldId('services.lead')]: 'Chief Digital Officer',
        [fieldId('services.portal')]: 'yes',
      },
      'services.portal_page': { [fieldId('services.share_online')]: '64' },
      'publishing.main': {
        [fieldId('publishing.open_data')]: 'yes',
        [fieldId('publishing.formats')]: ['csv', 'api'],
      },
    }
    const visited: string[] = []
    for (const first of ['/services/services.offer', '/publishing/publishing.main']) {
      let path = `/survey/${year}${first}`
      while (!path.endsWith('/check-answers')) {
        const pageKey = path.split('/').pop()!
        visited.push(pageKey)
        const page = await agent.get(path)
        expect(page.status, path).toBe(200)
        const saved = await agent
          .post(path)
          .type('form')
          .send({ ...pageState(page.text), ...answers[pageKey], _action: 'continue' })
        const problems = decodeHtml(saved.text ?? '').match(
          /govuk-error-summary__list">([\s\S]*?)<\/ul>/,
        )?.[1]
        expect(saved.status, `${path}: ${problems ?? ''}`).toBe(302)
        path = saved.headers.location
      }
    }
    expect(visited).toEqual(['services.offer', 'services.portal_page', 'publishing.main'])

    const check = await agent.get(`/survey/${year}/check-answers`)
    const checkText = decodeHtml(check.text)
    expect(checkText).toContain(`I confirm I am submitting on behalf of ${cityName}`)
    expect(checkText).toContain('Chief Digital Officer')
    expect(checkText).toContain('A web API')
    const submitted = await agent
      .post(`/survey/${year}/submit`)
      .type('form')
      .send({ ...pageState(check.text), confirm: 'yes' })
    expect(submitted.status).toBe(302)
    expect(submitted.headers.location).toMatch(new RegExp(`^/survey/${year}/confirmation/`))
    expect(decodeHtml((await agent.get(submitted.headers.location)).text)).toContain(
      'Survey response submitted',
    )
  })

  it('when the administrator approves, closes and publishes, then the public profile shows the blocks in the layout’s order with the deployment’s wording', async () => {
    const progress = (await admin.get(`/admin/editions/${year}/progress`)).text
    const review = /\/admin\/responses\/(\d+)/.exec(progress)
    expect(review, 'the progress page links to the response').not.toBeNull()
    const page = `/admin/responses/${review![1]}`
    const reviewPage = decodeHtml((await admin.get(page)).text)
    expect(reviewPage).toContain('Chief Digital Officer')
    const confirm = (await admin.get(`${page}/approve`)).text
    const version = /name="version" value="(\d+)"/.exec(confirm)![1]
    await save(`${page}/approve`, { version })
    await save(`/admin/editions/${year}/close`, {})
    const publishPage = decodeHtml((await admin.get(`/admin/editions/${year}/publish`)).text)
    expect(publishPage).toContain('will compare <strong>1 municipality</strong>')
    expect(publishPage).not.toContain('id="below-threshold"')
    await save(`/admin/editions/${year}/publish`, {})
    expect((await t.repos.editions.findByYear(year))!.status).toBe('published')

    const profile = await request(t.app).get(`/cities/${citySlug}/${year}`)
    expect(profile.status).toBe(200)
    const html = profile.text
    expect(html).toContain(`<span class="caption">Digital profile ${year}</span>`)
    expect(decodeHtml(html)).toContain(
      `<title>${cityName}: digital profile ${year} – Digital services survey</title>`,
    )
    expect(html).toMatch(/Shares on this page are of 1 municipality surveyed/)
    expect(html).not.toMatch(innovationWording)

    // The facts table: the city's record under the layout's label, then the facts block's questions.
    const facts = [
      ...html.matchAll(/<dt class="facts__key">([^<]+)<\/dt>\s*<dd class="facts__value">([\s\S]*?)<\/dd>/g),
    ]
    expect(facts.map((m) => [decodeHtml(m[1]), textOf(m[2])])).toEqual([
      ['Land', 'Netherlands'],
      ['Lead of digital services', 'Chief Digital Officer'],
      ['Requests made online (%)', '64'],
    ])

    // The blocks in the definition's order, each with its heading and wording.
    expect([...html.matchAll(/data-section="([^"]+)"/g)].map((m) => m[1])).toEqual(['open_data', 'online'])
    const headings = [
      ...html.matchAll(/<section class="cis-profile__section"[\s\S]*?<h2 class="h-m">([\s\S]*?)<\/h2>/g),
    ]
    expect(headings.map((m) => textOf(m[1]))).toEqual([
      `What ${cityName} publishes`,
      `How ${cityName} serves residents online`,
    ])
    const body = textOf(html.slice(html.indexOf('data-section="open_data"')))
    const order = [
      `What ${cityName} publishes`,
      `${cityName} publishes open data.`,
      `Formats ${cityName} publishes in`,
      'Spreadsheets (CSV)',
      'A web API',
      `How ${cityName} serves residents online`,
      `Like 100% of municipalities surveyed, ${cityName} has a single online portal.`,
    ]
    const positions = order.map((text) => body.indexOf(text))
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(Object.fromEntries(order.map((o, i) => [o, positions[i]]))),
    ).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(body).not.toContain('Map layers')
  })
})
