import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { adminAgent, officerAgent } from '../support/accountsFactories'
import { buildTestEdition } from '../support/collectionFactories'
import { mainText } from '../support/profilesFactories'
import { buildResponse } from '../support/reviewFactories'
import type { Answers } from '../../src/questionnaire/answerCodec'
import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import type { ResponseStatus } from '../../src/responses/responseRecords'

const t = testApp()
afterAll(() => t.close())

/** Two sections of one required question each (made up, so every status is easy to reach). */
const beekeepingDefinition = (year: number): Definition =>
  definitionSchema.parse({
    year,
    title: `Beekeeping survey ${year}`,
    sections: [
      {
        key: 'hives',
        title: 'Hives',
        pages: [
          {
            key: 'hive_count',
            title: 'Hives',
            questions: [{ key: 'hives.count', type: 'number', label: 'How many hives are kept?' }],
          },
        ],
      },
      {
        key: 'honey',
        title: 'Honey',
        pages: [
          {
            key: 'honey_kind',
            title: 'Honey',
            questions: [{ key: 'honey.kind', type: 'text', label: 'Which honey sells best?' }],
          },
        ],
      },
    ],
  })

const everyAnswer: Answers = new Map([
  ['hives.count', { type: 'number', value: 12 }],
  ['honey.kind', { type: 'text', value: 'Heather honey' }],
])
const hivesOnly: Answers = new Map([['hives.count', { type: 'number', value: 12 }]])

let edition: Edition

beforeAll(async () => {
  edition = await buildTestEdition(t.repos, beekeepingDefinition)
})

/** A new city's officer with a response in the given state, and the text of their task list. */
async function taskListOf(answers: Answers, status: ResponseStatus, comment?: string) {
  const { agent, cityId, officer } = await officerAgent(t)
  const response = await buildResponse(t.repos, {
    editionId: edition.id,
    cityId,
    answers,
    status,
    actorId: officer.id,
  })
  if (comment)
    await t.knex('review_comments').insert({
      response_id: response.id,
      question_key: 'hives.count',
      body: comment,
      created_at: new Date(Date.now() + 60_000).toISOString(),
    })
  const page = await agent.get(`/survey/${edition.year}`)
  expect(page.status).toBe(200)
  const reference = `CIS-${edition.year}-${String(response.id).padStart(6, '0')}`
  return { text: mainText(page.text), html: page.text, agent, reference }
}

describe('the task list agrees with the response’s status', () => {
  it('when every answer is given and the response is still in progress, then it is ready to submit', async () => {
    const { text } = await taskListOf(everyAnswer, 'in_progress')
    expect(text).toContain('Ready to submit You have completed 2 of 2 sections.')
    expect(text).toContain('you can submit your response.')
    expect(text).toContain('Check your answers and submit')
  })

  it('when the response is submitted, then it says so once, with its reference, and nothing is left to do', async () => {
    const { text, reference } = await taskListOf(everyAnswer, 'submitted')
    expect(text).toMatch(
      new RegExp(`Submitted \\d+ \\w+ \\d{4}[^(]* by Test Officer \\(reference ${reference}\\)`),
    )
    expect(text.match(new RegExp(reference, 'g'))).toHaveLength(1)
    expect(text.match(/Submitted/g)).toHaveLength(3)
    expect(text).toContain('has been submitted, so it cannot be changed')
    expect(text).not.toContain('Ready to submit')
    expect(text).not.toContain('Survey incomplete')
    expect(text).not.toContain('Check your answers and submit')
    expect(text.match(/Section \d of 2 Answered/g)).toHaveLength(2)
  })

  it('when an approved response lacks a required answer, then it reads approved and nothing is still needed', async () => {
    const { text, agent } = await taskListOf(hivesOnly, 'approved')
    expect(text).toMatch(/Approved \d+ \w+ \d{4}[^.]* by the survey team/)
    expect(text).toContain('Section 1 of 2 Answered')
    expect(text).toContain('Section 2 of 2 Not answered')
    for (const nagging of ['Survey incomplete', 'In progress', 'still needed', 'Cannot submit yet'])
      expect(text).not.toContain(nagging)
    const answers = mainText((await agent.get(`/survey/${edition.year}/answers`)).text)
    expect(answers).toContain('Which honey sells best? Not answered')
    expect(answers).not.toContain('required')
  })

  it('when a complete response is returned with a comment, then it reads returned, marks that section and can be submitted again', async () => {
    const { text } = await taskListOf(everyAnswer, 'returned', 'Count the empty hives too.')
    expect(text).toContain('Returned for changes You have completed 1 of 2 sections.')
    expect(text).toContain('1 section has a reviewer’s comment to act on.')
    expect(text).toContain('Every required question has an answer: you can submit your response again.')
    expect(text).toContain('Hives Section 1 of 2 There is a problem')
    expect(text).toContain('Honey Section 2 of 2 Completed')
    expect(text).not.toMatch(/Ready to submit You have completed/)
  })

  it('when an administrator returns the response, then "Last edited" still names the officer who last saved an answer', async () => {
    const { agent, cityId, officer } = await officerAgent(t)
    const { admin } = await adminAgent(t)
    await t.knex('users').where({ id: officer.id }).update({ display_name: 'Officer Olga' })
    await t.knex('users').where({ id: admin.id }).update({ display_name: 'Admin Ada' })
    const response = await buildResponse(t.repos, {
      editionId: edition.id,
      cityId,
      answers: everyAnswer,
      status: 'submitted',
      actorId: officer.id,
    })
    await t.repos.responses.transition(
      response.id,
      response.version,
      { status: 'returned' },
      { type: 'returned', actorId: admin.id },
    )
    const text = mainText((await agent.get(`/survey/${edition.year}`)).text)
    expect(text).toMatch(/Last edited \d+ \w+ \d{4}[^.]* by Officer Olga/)
    expect(text).not.toContain('Admin Ada')
    expect(text).toContain('Last submitted')
  })

  it('when a returned response lacks a required answer, then it cannot be submitted yet', async () => {
    const { text } = await taskListOf(hivesOnly, 'returned')
    expect(text).toContain('Returned for changes You have completed 1 of 2 sections.')
    expect(text).toContain('1 required answer is still needed.')
    expect(text).toContain('Cannot submit yet')
    expect(text).not.toContain('Ready to submit')
  })
})
