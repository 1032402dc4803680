import { afterAll, describe, expect, it } from 'vitest'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { postForm, signedInAgent } from '../support/http'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'
import { questionIndex } from '../../src/questionnaire/definitionModel'
import { mainText } from '../support/profilesFactories'

const t = testApp()
afterAll(() => t.close())

const admin = () => signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)

/** A response returned to a new city with one comment on a question, and its officer signed in. */
async function returnedWithComment() {
  const edition = await buildEdition(t.repos, { status: 'open' })
  const city = await buildCity(t.repos)
  const officer = await buildUser(t.repos, { cityId: city.id })
  await t.knex('users').where({ id: officer.id }).update({ display_name: 'Officer Otto' })
  const response = await buildResponse(t.repos, {
    editionId: edition.id,
    cityId: city.id,
    answers: simpleAnswers(edition.definition),
    status: 'submitted',
    actorId: officer.id,
  })
  const reviewer = await admin()
  const page = `/admin/responses/${response.id}`
  const questionKey = [...questionIndex(edition.definition).keys()][0]
  await postForm(reviewer, `${page}/comment?question=${questionKey}`, `${page}/comment`, {
    questionKey,
    body: 'Where does this figure come from?',
  })
  const returned = await postForm(reviewer, `${page}/return`, `${page}/return`, { version: response.version })
  expect(returned.status).toBe(302)
  const comment = (await t.repos.reviewComments.list(response.id))[0]
  const officerAgent = await signedInAgent(t.app, officer.email, officer.password)
  return { edition, response, comment, page, reviewer, officerAgent, questionKey }
}

describe('officers answer a reviewer’s comment', () => {
  it('when the officer replies to a comment, then the reviewer sees the reply under the comment and in the history', async () => {
    const { edition, comment, page, reviewer, officerAgent, questionKey } = await returnedWithComment()
    const placed = questionIndex(edition.definition).get(questionKey)!
    const questionPage = await officerAgent.get(
      `/survey/${edition.year}/${placed.section.key}/${placed.page.key}`,
    )
    const replyPath = `/survey/${edition.year}/comments/${comment.id}/reply`
    expect(questionPage.text).toContain(`href="${replyPath}">Reply to this comment</a>`)

    const form = await officerAgent.get(replyPath)
    expect(form.status).toBe(200)
    expect(mainText(form.text)).toContain('Where does this figure come from?')
    const blank = await postForm(officerAgent, replyPath, replyPath, { body: '   ' })
    expect(blank.status).toBe(400)
    expect(blank.text).toContain('Enter your reply')
    const sent = await postForm(officerAgent, replyPath, replyPath, { body: 'From the 2025 census.' })
    expect(sent.status).toBe(302)
    expect(sent.headers.location).toContain(
      `/survey/${edition.year}/${placed.section.key}/${placed.page.key}`,
    )

    const review = mainText((await reviewer.get(page)).text)
    expect(review).toMatch(
      /Where does this figure come from\? .*Officer Otto replied, .*From the 2025 census\./,
    )
    expect(review).toMatch(
      /History .*Replied to a comment .* by Officer Otto On “[^”]+”: From the 2025 census\./,
    )
  })

  it('when the response is approved, then the thread is closed: no reply form, and a reply sent anyway is refused', async () => {
    const { edition, response, comment, page, reviewer, officerAgent } = await returnedWithComment()
    const replyPath = `/survey/${edition.year}/comments/${comment.id}/reply`
    const token = await officerAgent.get(replyPath)
    expect(token.text).toContain('Send reply')
    // The city resubmits, the reviewer approves.
    const current = (await t.repos.responses.findById(response.id))!
    await t.repos.responses.transition(
      current.id,
      current.version,
      { status: 'submitted' },
      { type: 'submitted', actorId: null },
    )
    const approved = (await t.repos.responses.findById(response.id))!
    const approve = await postForm(reviewer, `${page}/approve`, `${page}/approve`, {
      version: approved.version,
    })
    expect(approve.status).toBe(302)

    const closed = await officerAgent.get(replyPath)
    expect(closed.text).not.toContain('Send reply')
    expect(closed.text).toContain('This comment is closed')
    const refused = await postForm(officerAgent, replyPath, replyPath, { body: 'One more thing' })
    expect(refused.status).toBe(409)
    expect(await t.knex('review_comment_replies').where({ comment_id: comment.id })).toHaveLength(0)
  })

  it('when an officer of another city asks for a comment, then it is not found', async () => {
    const { edition, comment } = await returnedWithComment()
    const city = await buildCity(t.repos)
    const stranger = await buildUser(t.repos, { cityId: city.id })
    const agent = await signedInAgent(t.app, stranger.email, stranger.password)
    expect((await agent.get(`/survey/${edition.year}/comments/${comment.id}/reply`)).status).toBe(404)
  })
})
