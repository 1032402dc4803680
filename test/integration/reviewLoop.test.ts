import { afterAll, describe, expect, it } from 'vitest'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { postForm, signedInAgent, type Agent } from '../support/http'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { questionIndex } from '../../src/questionnaire/definitionModel'
import { fieldId } from '../../src/questionnaire/formCodec'
import { generateAnswers } from '../../src/cli/demo/generateAnswers'
import { demoCities } from '../../src/cli/demo/demoData'
import { decodeHtml, pageState, validFields } from '../support/collectionFactories'
import type { EditionChange } from '../../src/shared/editionEvents'

const t = testApp()
afterAll(() => t.close())

const heard: Array<[number, EditionChange]> = []
t.services.events.subscribe(async (editionId, change) => {
  heard.push([editionId, change])
})

const admin = () => signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
const adminId = async () => (await t.repos.users.findByEmail('admin@example.org'))!.id

/** A submitted response of a new city to a new open survey year, with its officer. */
async function submittedResponse() {
  const edition = await buildEdition(t.repos, { status: 'open' })
  const city = await buildCity(t.repos)
  const officer = await buildUser(t.repos, { cityId: city.id })
  const answers = simpleAnswers(
    edition.definition,
    new Map<string, AnswerValue>([
      ['strategy.formal', { type: 'yesno', choice: 'yes' }],
      ['strategy.description', { type: 'longtext', value: 'Our first strategy' }],
    ]),
  )
  const response = await buildResponse(t.repos, {
    editionId: edition.id,
    cityId: city.id,
    answers,
    status: 'submitted',
    actorId: officer.id,
  })
  return { edition, city, officer, response }
}

/** The question page of a survey year that holds a question. */
function surveyPagePath(edition: Edition, questionKey: string): string {
  const placed = questionIndex(edition.definition).get(questionKey)!
  return `/survey/${edition.year}/${placed.section.key}/${placed.page.key}`
}

/** Submits the officer's response through check answers, as the officer journey does. */
async function submitAsOfficer(agent: Agent, year: number, cityName: string) {
  const check = await agent.get(`/survey/${year}/check-answers`)
  expect(check.text).toContain(`I confirm I am submitting on behalf of ${cityName}`)
  const submitted = await agent
    .post(`/survey/${year}/submit`)
    .type('form')
    .send({ ...pageState(check.text), confirm: 'yes' })
  expect(
    submitted.status,
    decodeHtml(submitted.text).match(/govuk-error-summary__list">([\s\S]*?)<\/ul>/)?.[1] ?? '',
  ).toBe(302)
}

/**
 * A complete response of a new city to a new open survey year, answered as a demo city would
 * (with a formal strategy and its description), submitted by its officer through the journey.
 * Five other cities are approved, so the edition's profiles have a basis to compare with.
 */
async function journeyResponse() {
  const edition = await buildEdition(t.repos, { status: 'open' })
  for (let i = 0; i < 5; i++) {
    const other = await buildCity(t.repos)
    const answers = generateAnswers(edition.definition, demoCities[i + 1])
    answers.set('strategy.formal', { type: 'yesno', choice: 'no' })
    answers.delete('strategy.description')
    await buildResponse(t.repos, { editionId: edition.id, cityId: other.id, answers, status: 'approved' })
  }
  await t.services.profiles.regeneration.regenerateEdition(edition.id)
  const city = await buildCity(t.repos)
  const officer = await buildUser(t.repos, { cityId: city.id })
  const answers = generateAnswers(edition.definition, demoCities[10])
  answers.set('strategy.formal', { type: 'yesno', choice: 'yes' })
  answers.set('strategy.description', { type: 'longtext', value: 'Our first strategy' })
  answers.set('goals.formal', { type: 'yesno', choice: 'yes' })
  await buildResponse(t.repos, { editionId: edition.id, cityId: city.id, answers, actorId: officer.id })
  await submitAsOfficer(await signedInAgent(t.app, officer.email, officer.password), edition.year, city.name)
  const response = (await t.repos.responses.find(edition.id, city.id))!
  return { edition, city, officer, response }
}

/** What the edition's stored profiles say: which cities, when generated, the basis and one count. */
async function snapshotsOf(editionId: number) {
  const rows = await t.knex('profile_snapshots').where({ edition_id: editionId })
  const aggregate = await t.knex('edition_aggregates').where({ edition_id: editionId }).first()
  const content = JSON.parse(aggregate.content)
  return {
    cities: rows.map((r) => Number(r.city_id)),
    generatedAt: rows.map((r) => String(r.generated_at)).sort()[0],
    basisSize: Number(content.basis.size),
    strategyYes: Number(content.questions['strategy.formal']?.counts.yes ?? 0),
  }
}

describe('the review loop', () => {
  it('when a reviewer returns with comments, the officer sees them, changes one answer and resubmits, then the reviewer sees exactly that change and approves', async () => {
    const { edition, city, officer, response: first } = await journeyResponse()
    expect(first.status).toBe('submitted')
    const agent = await admin()
    const page = `/admin/responses/${first.id}`
    const review = await agent.get(page)
    expect(review.status).toBe(200)
    expect(review.text).toContain('Our first strategy')
    expect(review.text).not.toContain('Changed since the previous submission')

    // Returning without a comment is refused: the city would not know what to change.
    const empty = await postForm(agent, `${page}/return`, `${page}/return`, { version: first.version })
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('Add at least one comment saying what the city needs to change')

    const commentPage = `${page}/comment?question=strategy.description`
    const blank = await postForm(agent, commentPage, `${page}/comment`, {
      questionKey: 'strategy.description',
      body: '  ',
    })
    expect(blank.status).toBe(400)
    expect(blank.text).toContain('Enter a comment')
    await postForm(agent, commentPage, `${page}/comment`, {
      questionKey: 'strategy.description',
      body: 'Please describe the strategy in more detail',
    })
    await postForm(agent, page, `${page}/comment`, { questionKey: '', body: 'Overall: nearly there' })

    const confirm = await agent.get(`${page}/return`)
    expect(confirm.text).toContain('Please describe the strategy in more detail')
    expect(confirm.text).toContain('Overall: nearly there')
    const returned = await postForm(agent, `${page}/return`, `${page}/return`, { version: first.version })
    expect(returned.status).toBe(302)
    expect((await t.repos.responses.findById(first.id))!.status).toBe('returned')

    // The officer sees the comments beside the question, changes that one answer and submits again.
    const officerAgent = await signedInAgent(t.app, officer.email, officer.password)
    const strategyPage = surveyPagePath(edition, 'strategy.description')
    const form = await officerAgent.get(strategyPage)
    expect(form.status).toBe(200)
    expect(decodeHtml(form.text)).toContain('Please describe the strategy in more detail')
    const placed = questionIndex(edition.definition).get('strategy.description')!
    const fields = Object.assign({}, ...placed.page.questions.map((q) => validFields(q, edition.year)))
    const saved = await officerAgent
      .post(strategyPage)
      .type('form')
      .send({
        ...pageState(form.text),
        ...fields,
        [fieldId('strategy.description')]: 'A detailed strategy, adopted in 2019',
        _action: 'continue',
      })
    expect(saved.status).toBe(302)
    await submitAsOfficer(officerAgent, edition.year, city.name)
    const resubmitted = (await t.repos.responses.findById(first.id))!
    expect(resubmitted.status).toBe('submitted')

    const again = await agent.get(page)
    const changes = again.text.slice(
      again.text.indexOf('Changed since the previous submission'),
      again.text.indexOf('</section>'),
    )
    expect(changes.match(/data-question="([^"]+)"/g)).toEqual(['data-question="strategy.description"'])
    expect(changes).toContain('Our first strategy')
    expect(changes).toContain('A detailed strategy, adopted in 2019')

    const before = await snapshotsOf(edition.id)
    const approved = await postForm(agent, `${page}/approve`, `${page}/approve`, {
      version: resubmitted.version,
    })
    expect(approved.status).toBe(302)
    const after = (await t.repos.responses.findById(first.id))!
    expect(after.status).toBe('approved')
    expect(after.approvedAt).not.toBeNull()
    expect(heard).toContainEqual([edition.id, 'response_approved'])
    expect(await t.repos.reviewComments.open(first.id)).toEqual([])
    const trail = (await agent.get(page)).text
    expect(trail).toContain('Returned for changes')
    expect(trail).toContain('Approved')

    // Approval regenerated the edition: a snapshot for the new city, fresh times, and it counts in the basis.
    const regenerated = await snapshotsOf(edition.id)
    expect(regenerated.cities).toContain(city.id)
    expect(before.cities).not.toContain(city.id)
    expect(regenerated.basisSize).toBe(before.basisSize + 1)
    expect(regenerated.strategyYes).toBe(before.strategyYes + 1)
    expect(regenerated.generatedAt > before.generatedAt).toBe(true)
  })

  it('when a response is not in the right status, then approve, return and reopen are refused with 409', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const city = await buildCity(t.repos)
    const response = await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: city.id,
      answers: simpleAnswers(edition.definition),
    })
    const agent = await admin()
    const page = `/admin/responses/${response.id}`
    for (const action of ['approve', 'return', 'reopen']) {
      const confirm = await agent.get(`${page}/${action}`)
      expect(confirm.status).toBe(409)
      expect(confirm.text).toMatch(/This one is in progress/)
    }
    const post = await postForm(agent, page, `${page}/approve`, { version: response.version })
    expect(post.status).toBe(409)
    expect((await t.repos.responses.findById(response.id))!.status).toBe('in_progress')
  })

  it('when an approved response is reopened, then it goes back for review and profiles are told', async () => {
    const edition = await buildEdition(t.repos, { status: 'closed' })
    const city = await buildCity(t.repos)
    const response = await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: city.id,
      answers: simpleAnswers(edition.definition),
      status: 'approved',
    })
    const agent = await admin()
    const page = `/admin/responses/${response.id}`
    const reopened = await postForm(agent, `${page}/reopen`, `${page}/reopen`, {
      version: response.version,
      to: 'returned',
    })
    expect(reopened.status).toBe(302)
    const after = (await t.repos.responses.findById(response.id))!
    expect([after.status, after.approvedAt]).toEqual(['returned', null])
    expect(heard).toContainEqual([edition.id, 'response_reopened'])
  })

  it('when two reviewers act on the same version, then the second is refused rather than applied', async () => {
    const { response } = await submittedResponse()
    const agent = await admin()
    const page = `/admin/responses/${response.id}`
    expect(
      (await postForm(agent, `${page}/approve`, `${page}/approve`, { version: response.version })).status,
    ).toBe(302)
    await t.repos.responses.transition(
      response.id,
      response.version + 1,
      { status: 'submitted', approved_at: null },
      { type: 'reopened', actorId: null },
    )
    const eventsBefore = (await t.repos.responses.events(response.id)).length
    const stale = await postForm(agent, page, `${page}/approve`, { version: response.version })
    expect(stale.status).toBe(409)
    const after = (await t.repos.responses.findById(response.id))!
    expect([after.status, after.version, after.approvedAt]).toEqual(['submitted', response.version + 2, null])
    expect((await t.repos.responses.events(response.id)).length).toBe(eventsBefore)
  })
})

describe('cross-site requests', () => {
  it('when a signed-in admin’s browser posts approve, return, comment or a correction without the form’s token, then each is refused with 403 and nothing changes', async () => {
    const { response } = await submittedResponse()
    const agent = await admin()
    const page = `/admin/responses/${response.id}`
    const forged = [
      [`${page}/approve`, { version: response.version }],
      [`${page}/return`, { version: response.version, message: 'Please check' }],
      [`${page}/comment`, { question: 'city.population', body: 'Forged comment' }],
      [
        `${page}/correct/city.population`,
        { [fieldId('city.population')]: '1', reason: 'Forged', version: response.version },
      ],
    ] as const
    for (const [path, fields] of forged) {
      for (const token of [undefined, 'a-token-from-another-site']) {
        const post = await agent
          .post(path)
          .type('form')
          .send({ ...fields, ...(token ? { _csrf: token } : {}) })
        expect(post.status, `${path} ${token ?? 'no token'}`).toBe(403)
      }
    }
    const after = (await t.repos.responses.findById(response.id))!
    expect([after.status, after.version]).toEqual(['submitted', response.version])
    expect(
      (await t.repos.responses.answers(response.id)).find((r) => r.questionKey === 'city.population')!.number,
    ).toBe(42)
    expect((await agent.get(page)).text).not.toContain('Forged comment')
  })
})

describe('corrections on the city’s behalf', () => {
  it('when the reason is missing, then nothing is saved and the form says why, keeping the input', async () => {
    const { response } = await submittedResponse()
    const agent = await admin()
    const form = `/admin/responses/${response.id}/correct/city.population`
    const page = await agent.get(form)
    expect(page.status).toBe(200)
    expect(page.text).toContain('value="42"')
    const post = await postForm(agent, form, form, {
      [fieldId('city.population')]: '120000',
      reason: '',
      version: response.version,
    })
    expect(post.status).toBe(400)
    expect(post.text).toContain('Enter the reason for the correction')
    expect(post.text).toContain('value="120000"')
    expect(
      (await t.repos.responses.answers(response.id)).find((r) => r.questionKey === 'city.population')!.number,
    ).toBe(42)
  })

  it('when an admin corrects an approved answer with a reason, then the trail records before, after, reason and the admin, and profiles are told', async () => {
    const edition = await buildEdition(t.repos, { status: 'closed' })
    const city = await buildCity(t.repos)
    const response = await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: city.id,
      answers: simpleAnswers(edition.definition),
      status: 'approved',
    })
    const agent = await admin()
    const form = `/admin/responses/${response.id}/correct/city.population`
    const post = await postForm(agent, form, form, {
      [fieldId('city.population')]: '120000',
      reason: 'City confirmed the figure by email',
      version: response.version,
    })
    expect(post.status).toBe(302)
    expect(
      (await t.repos.responses.answers(response.id)).find((r) => r.questionKey === 'city.population')!.number,
    ).toBe(120000)
    const event = (await t.repos.responses.events(response.id)).findLast(
      (e) => e.type === 'admin_correction',
    )!
    expect(event.actorId).toBe(await adminId())
    expect(event.data).toEqual({
      questionKey: 'city.population',
      before: { type: 'number', value: 42 },
      after: { type: 'number', value: 120000 },
      reason: 'City confirmed the figure by email',
    })
    expect(heard).toContainEqual([edition.id, 'answer_corrected'])
    const review = await agent.get(`/admin/responses/${response.id}`)
    const trail = review.text.slice(review.text.indexOf('id="trail-heading"'))
    expect(trail).toContain('Corrected on the city’s behalf')
    expect(trail).toContain('Reason: City confirmed the figure by email')
    expect(trail).toMatch(
      /Before:<\/span> 42 residents<\/dd>\s*<dd[^>]*><span[^>]*>After:<\/span> 120,000 residents</,
    )
  })

  it('when the corrected answer is the same as before, then the form says so', async () => {
    const { response } = await submittedResponse()
    const agent = await admin()
    const form = `/admin/responses/${response.id}/correct/strategy.formal`
    const post = await postForm(agent, form, form, {
      [fieldId('strategy.formal')]: 'yes',
      reason: 'Checking',
      version: response.version,
    })
    expect(post.status).toBe(400)
    expect(post.text).toContain('The answer is the same as before')
  })

  it('when a question key or response does not exist, then the answer is 404', async () => {
    const { response } = await submittedResponse()
    const agent = await admin()
    expect((await agent.get(`/admin/responses/${response.id}/correct/no.such`)).status).toBe(404)
    expect((await agent.get('/admin/responses/999999999')).status).toBe(404)
    expect((await agent.get('/admin/responses/abc')).status).toBe(404)
  })
})
