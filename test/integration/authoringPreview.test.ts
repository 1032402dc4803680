import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { csrfToken, signedInAgent, type Agent } from '../support/http'
import { previewPages } from '../../src/questionnaire/authoring/preview'
import { fieldId } from '../../src/questionnaire/formCodec'
import { buildEdition } from '../support/authoringFactories'

const t = testApp()
let admin: Agent
beforeAll(async () => {
  admin = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
})
afterAll(() => t.close())

const base = '/admin/editions/2026/questionnaire/preview'
const escapeHtml = (text: string) =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&#34;')
    .replaceAll("'", '&#39;')
const count = async (table: string) => Number((await t.knex(table).count<{ n: number }[]>({ n: '*' }))[0].n)
const rowCounts = async () => ({
  responses: await count('responses'),
  answers: await count('answers'),
  events: await count('response_events'),
  changes: await count('definition_changes'),
})

describe('previewing a questionnaire', () => {
  it('when the administrator opens every page of the 2026 preview, then each shows its questions as an officer sees them', async () => {
    const definition = (await t.repos.editions.findByYear(2026))!.definition
    const index = await admin.get(base)
    expect(index.status).toBe(200)
    const pages = previewPages(definition)
    expect(pages.length).toBeGreaterThan(5)
    for (const { section, page } of pages) {
      const response = await admin.get(`${base}/${section.key}/${page.key}`)
      expect(response.status, page.key).toBe(200)
      expect(response.text).toContain('Nothing you enter is saved')
      expect(response.text).toContain(`<h1 class="govuk-heading-l">${escapeHtml(page.title)}</h1>`)
      for (const question of page.questions)
        expect(response.text, question.key).toContain(escapeHtml(question.label))
      expect(response.text).toContain('Save and continue')
    }
  })

  it('when preview pages are sent, then they are checked, move on and nothing is saved', async () => {
    const before = await rowCounts()
    const page = `${base}/funding/funding`
    const send = async (path: string, fields: Record<string, string>) =>
      admin
        .post(path)
        .type('form')
        .send({ _csrf: await csrfToken(admin, path), _action: 'continue', ...fields })

    const empty = await send(page, {})
    expect(empty.status).toBe(400)
    expect(empty.text).toContain('There is a problem')
    expect(empty.text).toContain(`href="#${fieldId('funding.has_dedicated')}"`)

    const answered = await send(page, { [fieldId('funding.has_dedicated')]: 'yes' })
    expect(answered.status).toBe(302)
    expect(answered.headers.location).toBe(`${base}/funding/funding_details`)

    const definition = (await t.repos.editions.findByYear(2026))!.definition
    const last = previewPages(definition).at(-1)!
    const later = await send(`${base}/${last.section.key}/${last.page.key}`, { _action: 'later' })
    expect(later.status).toBe(302)
    expect(await rowCounts()).toEqual(before)
  })

  it('when the last page is sent complete, then the preview says it has ended', async () => {
    const edition = await buildEdition(t.repos, { status: 'draft' })
    const definition = structuredClone(edition.definition)
    definition.sections.push({
      key: 'closing',
      title: 'Closing',
      pages: [
        {
          key: 'closing_notes',
          title: 'Anything else',
          questions: [
            {
              key: 'closing.notes',
              type: 'longtext',
              label: 'Anything else to add?',
              required: false,
              maxLength: 500,
            },
          ],
        },
      ],
    })
    await t.repos.editions.updateDefinition(edition.id, definition)
    const path = `/admin/editions/${edition.year}/questionnaire/preview/closing/closing_notes`
    const response = await admin
      .post(path)
      .type('form')
      .send({ _csrf: await csrfToken(admin, path), _action: 'continue' })
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe(`/admin/editions/${edition.year}/questionnaire/preview?ended=1`)
    expect((await admin.get(response.headers.location)).text).toContain(
      'You reached the last page of the preview',
    )
  })

  it('when an officer asks for the preview, then it is refused', async () => {
    const officer = await signedInAgent(t.app, 'enschede.officer@example.org', DEMO_PASSWORD)
    expect((await officer.get(`${base}/funding/funding`)).status).toBe(403)
  })
})
