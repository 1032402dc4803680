import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyTestApp, type TestApp } from '../support/testApp'
import { csrfToken, type Agent } from '../support/http'
import { adminAgent } from '../support/accountsFactories'
import { decodeHtml } from '../support/collectionFactories'
import { allQuestions } from '../../src/questionnaire/definitionModel'

/** A deployment on its first day: no demo data, no editions, no cities. */
let t: TestApp
let admin: Agent
beforeAll(async () => {
  t = await emptyTestApp()
  admin = (await adminAgent(t)).agent
})
afterAll(() => t.close())

const newForm = '/admin/editions/new'
const create = async (fields: Record<string, string>) =>
  admin
    .post(newForm)
    .type('form')
    .send({ _csrf: await csrfToken(admin, newForm), ...fields })

/** A small questionnaire of another domain than the innovation survey. */
const servicesDefinition = (year: number) => ({
  year,
  title: `Digital services ${year}`,
  sections: [
    {
      key: 'services',
      title: 'Services online',
      pages: [
        {
          key: 'services.main',
          title: 'Services',
          questions: [
            { key: 'services.portal', type: 'yesno', label: 'Does the municipality run a service portal?' },
            {
              key: 'services.count',
              type: 'number',
              label: 'How many services can be completed online?',
              condition: { question: 'services.portal', anyOf: ['yes'] },
            },
          ],
        },
      ],
    },
  ],
})

describe('a first survey year on a deployment without demo data', () => {
  it('when the new survey year form opens, then it offers a blank and a file, and no copy', async () => {
    expect(await t.repos.editions.list()).toEqual([])
    const page = decodeHtml((await admin.get(newForm)).text)
    expect(page).toContain('Start from a blank questionnaire')
    expect(page).toContain('Import a JSON file')
    expect(page).not.toContain('Copy an earlier edition')
    expect(page).not.toContain('There is no questionnaire to copy yet')
    // With nothing to copy, the blank is chosen already.
    expect(page).toMatch(/id="start" name="start" type="radio" value="blank" checked/)
  })

  it('when a year is posted without a way to start, then the form says how and keeps the year', async () => {
    const response = await create({ year: '2031', title: 'Our first survey' })
    expect(response.status).toBe(400)
    const page = decodeHtml(response.text)
    expect(page).toContain('Select how to start the questionnaire: from a blank, a copy or a JSON file')
    expect(page).toContain('value="2031"')
    expect(page).toContain('value="Our first survey"')
    expect(page).not.toMatch(/type="radio" value="\w+" checked/)
    expect(await t.repos.editions.findByYear(2031)).toBeUndefined()
  })

  it('when an administrator starts from a blank, then the year is a draft of one section, one page and one question to rename', async () => {
    const response = await create({ year: '2030', title: '', start: 'blank' })
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/admin/editions/2030/questionnaire')
    const edition = (await t.repos.editions.findByYear(2030))!
    expect(edition.status).toBe('draft')
    expect(edition.copiedFromYear).toBeNull()
    expect(edition.definition.title).toBe('Survey 2030')
    expect(edition.definition.sections).toHaveLength(1)
    expect(edition.definition.sections[0].pages).toHaveLength(1)
    expect(allQuestions(edition.definition).map((p) => p.question.key)).toEqual(['section_1.question_1'])
    const history = await t.repos.definitionChanges.list(edition.id)
    expect(history.map((c) => c.summary)).toEqual(['Created the 2030 edition from a blank questionnaire'])
    const overview = decodeHtml((await admin.get(response.headers.location)).text)
    expect(overview).toContain('The 2030 survey year was created as a draft with a blank questionnaire')
    expect(overview).toContain('First section')

    // The placeholder section is the editor's to rename and re-key.
    const sectionPath = '/admin/editions/2030/questionnaire/sections/section_1'
    const renamed = await admin
      .post(sectionPath)
      .type('form')
      .send({ _csrf: await csrfToken(admin, sectionPath), key: 'services', title: 'Services online' })
    expect(renamed.status).toBe(302)
    const after = (await t.repos.editions.findByYear(2030))!.definition
    expect(after.sections.map((s) => [s.key, s.title])).toEqual([['services', 'Services online']])
  })

  it('when a JSON file with five problems is imported into a new year, then five messages name their questions, the input is kept and nothing is created', async () => {
    const definition = servicesDefinition(2032)
    const questions = definition.sections[0].pages[0].questions as Array<Record<string, unknown>>
    questions.push(
      { key: 'services.channel', type: 'slider', label: 'Main channel' },
      { key: 'services.app', type: 'yesno' },
      { key: 'services.portal', type: 'text', label: 'Portal address' },
      {
        key: 'services.since',
        type: 'year',
        label: 'Online since',
        condition: { question: 'services.later', anyOf: ['yes'] },
      },
      {
        key: 'services.formats',
        type: 'multiple',
        label: 'Formats',
        options: [
          { key: 'pdf', label: 'PDF' },
          { key: 'pdf', label: 'Printable' },
        ],
      },
    )
    const json = JSON.stringify(definition)
    const response = await create({ year: '2032', start: 'import', definition: json })
    expect(response.status).toBe(400)
    const page = decodeHtml(response.text)
    expect(page).toContain('The questionnaire was not created: there are 5 problems. Nothing was changed.')
    const rows = [
      ...page.matchAll(
        /<td class="govuk-table__cell">([^<]+)<\/td><td class="govuk-table__cell">([^<]+)<\/td>/g,
      ),
    ]
    expect(rows.map((m) => m[1])).toEqual([
      "Question 'Main channel' (services.channel)",
      'Question services.app',
      "Question 'Portal address' (services.portal)",
      "Question 'Online since' (services.since)",
      "Question 'Formats' (services.formats)",
    ])
    expect(rows[2][2]).toBe(
      "The key is already used by question 'Does the municipality run a service portal?' in section 1",
    )
    expect(page).not.toMatch(/Invalid|sections\.0|received undefined/)
    // Nothing lost: the year, the choice and the pasted JSON are shown again.
    expect(page).toContain('value="2032"')
    expect(page).toMatch(/id="start-import" name="start" type="radio" value="import" checked/)
    expect(page).toContain(json.slice(0, 40))
    expect(await t.repos.editions.findByYear(2032)).toBeUndefined()
  })

  it('when a valid JSON file is imported into a new year, then the year has that questionnaire', async () => {
    const response = await create({
      year: '2033',
      start: 'import',
      definition: JSON.stringify(servicesDefinition(2033)),
    })
    expect(response.status).toBe(302)
    const edition = (await t.repos.editions.findByYear(2033))!
    expect(edition.title).toBe('Digital services 2033')
    expect(allQuestions(edition.definition).map((p) => p.question.key)).toEqual([
      'services.portal',
      'services.count',
    ])
    const overview = decodeHtml((await admin.get(response.headers.location)).text)
    expect(overview).toContain('The 2033 survey year was created as a draft with the imported questionnaire')
  })

  it('when the import page of a year with no edition is opened, then it leads to the new year form with the file chosen', async () => {
    const response = await admin.get('/admin/editions/2034/questionnaire/import')
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe('/admin/editions/new?year=2034&start=import')
    const page = decodeHtml((await admin.get(response.headers.location)).text)
    expect(page).toContain('value="2034"')
    expect(page).toMatch(/id="start-import" name="start" type="radio" value="import" checked/)
  })

  it('when earlier years exist, then the form also offers to copy one', async () => {
    const page = decodeHtml((await admin.get(newForm)).text)
    expect(page).toContain('Copy an earlier edition')
    expect(page).toMatch(/id="start-copy" name="start" type="radio" value="copy" checked/)
  })
})
