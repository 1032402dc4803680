import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { signedInAgent } from '../support/http'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'
import { buildResponse as buildProfileResponse } from '../support/profilesFactories'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { questionIndex } from '../../src/questionnaire/definitionModel'

/**
 * EJS views are not mutated by Stryker, so each view that shows an officer's free text has a test
 * here: a `<%-` where `<%=` belongs fails it. Every answer is a tag of its own (`<x-xss-mayor>`),
 * which must come back escaped and never as markup.
 */
const t = testApp()
afterAll(() => t.close())

const tag = (name: string) => `<x-xss-${name}>`
const text = (value: string): AnswerValue => ({ type: 'text', value })
const longtext = (value: string): AnswerValue => ({ type: 'longtext', value })

/** Fails unless each named tag is on the page escaped, and no tag is there as markup. */
function expectEscaped(html: string, names: string[], page: string): void {
  expect(html, `${page}: markup`).not.toContain('<x-xss-')
  for (const name of names) expect(html, `${page}: ${name}`).toContain(`&lt;x-xss-${name}&gt;`)
}

/** Answers with markup in every kind of free text: text, long text, a list, "Other" and a note. */
function markedAnswers(edition: Edition) {
  const firstPolicyArea = questionIndex(edition.definition).get('policy_areas')!.question
  const option = 'options' in firstPolicyArea ? firstPolicyArea.options[0].key : ''
  return simpleAnswers(
    edition.definition,
    new Map<string, AnswerValue>([
      ['city.mayor', text(tag('mayor'))],
      ['city.lead_innovation_officers', { type: 'textList', values: ['Ann Example', tag('officer')] }],
      ['strategy.formal', { type: 'yesno', choice: 'yes' }],
      ['strategy.description', longtext(tag('strategy'))],
      [
        'policy_areas',
        {
          type: 'multiple',
          choices: [option, 'other'],
          notes: { [option]: tag('note') },
          other: tag('other'),
        },
      ],
    ]),
  )
}

describe('officers’ free text in administrators’ pages', () => {
  it('when an administrator opens a response, its comment form and its correction form, then every answer and the trail are escaped', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const city = await buildCity(t.repos)
    const response = await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: city.id,
      answers: markedAnswers(edition),
      status: 'submitted',
    })
    const agent = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
    const page = `/admin/responses/${response.id}`
    const review = await agent.get(page)
    expect(review.status).toBe(200)
    // Answers (one line and several), and the history's table of changes.
    expectEscaped(review.text, ['mayor', 'officer', 'strategy', 'other', 'note'], 'review/response')
    const trail = review.text.slice(review.text.indexOf('id="trail-heading"'))
    expectEscaped(trail, ['mayor', 'strategy'], 'review/partials/changes')

    const comment = await agent.get(`${page}/comment?question=strategy.description`)
    expect(comment.status).toBe(200)
    expectEscaped(comment.text, ['strategy'], 'review/comment')

    for (const [key, name] of [
      ['city.mayor', 'mayor'],
      ['strategy.description', 'strategy'],
      ['city.lead_innovation_officers', 'officer'],
      ['policy_areas', 'other'],
    ]) {
      const correct = await agent.get(`${page}/correct/${key}`)
      expect(correct.status).toBe(200)
      expectEscaped(correct.text, [name], `review/correct ${key}`)
    }
  })
})

describe('officers’ free text in the officer’s own pages', () => {
  it('when an officer opens a question page, the check-answers pages and, once submitted, the answers page, then every answer is escaped', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const city = await buildCity(t.repos)
    const officer = await buildUser(t.repos, { cityId: city.id })
    await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: city.id,
      answers: markedAnswers(edition),
      actorId: officer.id,
    })
    const agent = await signedInAgent(t.app, officer.email, officer.password)
    const index = questionIndex(edition.definition)
    const pageOf = (key: string) => {
      const placed = index.get(key)!
      return `/survey/${edition.year}/${placed.section.key}/${placed.page.key}`
    }
    for (const [key, name] of [
      ['city.mayor', 'mayor'],
      ['city.lead_innovation_officers', 'officer'],
      ['strategy.description', 'strategy'],
      ['policy_areas', 'other'],
      ['policy_areas', 'note'],
    ]) {
      const form = await agent.get(pageOf(key))
      expect(form.status).toBe(200)
      expectEscaped(form.text, [name], `question page ${key}`)
    }
    const all = ['mayor', 'officer', 'strategy', 'other', 'note']
    const check = await agent.get(`/survey/${edition.year}/check-answers`)
    expect(check.status).toBe(200)
    expectEscaped(check.text, all, 'collection/check-answers')
    const section = await agent.get(`/survey/${edition.year}/city/check-answers`)
    expect(section.status).toBe(200)
    expectEscaped(section.text, ['mayor', 'officer'], 'section check-answers')

    const response = (await t.repos.responses.find(edition.id, city.id))!
    await t.repos.responses.transition(
      response.id,
      response.version,
      { status: 'submitted', submitted_at: new Date().toISOString() },
      { type: 'submitted', actorId: officer.id },
    )
    const answers = await agent.get(`/survey/${edition.year}/answers`)
    expect(answers.status).toBe(200)
    expectEscaped(answers.text, all, 'collection/answers')
    const readOnly = await agent.get(pageOf('strategy.description'))
    expectEscaped(readOnly.text, ['strategy'], 'question page, read only')
  })
})

describe('officers’ free text on public pages', () => {
  it('when a visitor compares a city’s two years, then the answers of both are escaped', async () => {
    const city = await buildCity(t.repos)
    for (const [year, name] of [
      [2018, 'mayor2018'],
      [2020, 'mayor2020'],
    ] as const) {
      const { editionId } = await buildProfileResponse(t.repos, {
        year,
        cityId: city.id,
        answers: [['city.mayor', text(tag(name))]],
      })
      await t.services.profiles.regeneration.regenerateEdition(editionId)
    }
    const compare = await request(t.app).get(`/cities/${city.slug}/compare?from=2018&to=2020`)
    expect(compare.status).toBe(200)
    expectEscaped(compare.text, ['mayor2018', 'mayor2020'], 'profiles/compare')
  })
})
