import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { signedInAgent, type Agent } from '../support/http'
import {
  buildOfficer,
  buildTestEdition,
  decodeHtml,
  pageState,
  type Officer,
} from '../support/collectionFactories'
import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import type { Edition } from '../../src/questionnaire/editionsRepository'

/**
 * The date type end to end, in a questionnaire that asks one: the GOV.UK date input, its messages,
 * check answers, the administrator's view of the response and the export.
 */

const t = testApp()
afterAll(() => t.close())

const dateDefinition = (year: number): Definition =>
  definitionSchema.parse({
    year,
    title: `Harbour survey ${year}`,
    sections: [
      {
        key: 'harbour',
        title: 'The harbour',
        pages: [
          {
            key: 'opening',
            title: 'Opening',
            questions: [
              {
                key: 'harbour.opened_on',
                type: 'date',
                label: 'When did the harbour open?',
                hint: 'The day the first ship docked.',
                min: '1900-01-01',
                max: '2025-12-31',
              },
            ],
          },
        ],
      },
    ],
  })

let edition: Edition
let officer: Officer
let agent: Agent
const page = () => `/survey/${edition.year}/harbour/opening`
const field = (part: string) => `harbour-opened_on--${part}`

async function save(date: { day?: string; month?: string; year?: string }) {
  const form = await agent.get(page())
  expect(form.status).toBe(200)
  return agent
    .post(page())
    .type('form')
    .send({
      ...pageState(form.text),
      [field('day')]: date.day ?? '',
      [field('month')]: date.month ?? '',
      [field('year')]: date.year ?? '',
      _action: 'continue',
    })
}

const summaryLinks = (html: string) =>
  [...decodeHtml(html).matchAll(/<li><a href="(#[^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]])

beforeAll(async () => {
  edition = await buildTestEdition(t.repos, dateDefinition)
  officer = await buildOfficer(t.repos)
  agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
})

describe('a date question', () => {
  it('when its page is shown, then it asks with three labelled boxes in a fieldset, with the hint and an example', async () => {
    const html = decodeHtml((await agent.get(page())).text)
    expect(html).toMatch(
      /<fieldset class="govuk-fieldset" role="group"[^>]*>\s*<legend[^>]*>When did the harbour open\?<\/legend>/,
    )
    expect(html).toContain('The day the first ship docked. For example, 27 3 2024')
    for (const [part, label] of [
      ['day', 'Day'],
      ['month', 'Month'],
      ['year', 'Year'],
    ])
      expect(html).toMatch(
        new RegExp(
          `<label class="govuk-label govuk-date-input__label" for="${field(part)}">${label}</label>`,
        ),
      )
  })

  it('when nothing, part of a date, no such day or a day out of bounds is entered, then each says what is wrong and keeps what was typed', async () => {
    const empty = await save({})
    expect(empty.status).toBe(400)
    expect(summaryLinks(empty.text)).toEqual([
      [`#${field('day')}`, 'Enter a date for “When did the harbour open”'],
    ])

    const noMonth = await save({ day: '3', year: '1950' })
    expect(summaryLinks(noMonth.text)).toEqual([
      [`#${field('month')}`, 'The answer to “When did the harbour open” must include a month'],
    ])
    expect(noMonth.text).toContain(
      `id="${field('year')}" name="${field('year')}" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="1950"`,
    )
    // Only the missing box is marked.
    expect(noMonth.text).toMatch(new RegExp(`govuk-input--error" id="${field('month')}"`))
    expect(noMonth.text).not.toMatch(new RegExp(`govuk-input--error" id="${field('year')}"`))

    const noSuchDay = await save({ day: '31', month: '4', year: '1950' })
    expect(summaryLinks(noSuchDay.text)).toEqual([
      [`#${field('day')}`, 'The answer to “When did the harbour open” must be a real date, like 27 3 2024'],
    ])

    const tooLate = await save({ day: '1', month: '1', year: '2026' })
    expect(summaryLinks(tooLate.text)).toEqual([
      [
        `#${field('day')}`,
        'The answer to “When did the harbour open” must be between 1 January 1900 and 31 December 2025',
      ],
    ])
  })

  it('when a real date is saved, then check answers shows it in words, the administrator sees it and the export has it as YYYY-MM-DD', async () => {
    const saved = await save({ day: ' 7 ', month: '09', year: '1931' })
    expect(saved.status).toBe(302)
    expect(saved.headers.location).toContain('check-answers')

    const check = decodeHtml((await agent.get(`/survey/${edition.year}/check-answers`)).text)
    expect(check).toContain('When did the harbour open?')
    expect(check).toContain('7 September 1931')

    // What was saved comes back into the boxes as the officer would write it.
    const again = (await agent.get(page())).text
    expect(again).toContain(
      `id="${field('day')}" name="${field('day')}" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="7"`,
    )
    expect(again).toContain(
      `id="${field('month')}" name="${field('month')}" type="text" inputmode="numeric" spellcheck="false" autocomplete="off" value="9"`,
    )

    const admin = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
    const response = await t.repos.responses.findOrCreate(edition.id, officer.city.id, null)
    const review = decodeHtml((await admin.get(`/admin/responses/${response.id}`)).text)
    expect(review).toContain('7 September 1931')

    const csv = await admin.get(`/admin/editions/${edition.year}/export.csv?scope=all`)
    expect(csv.status).toBe(200)
    const rows = parse(csv.text, { columns: true, bom: true }) as Array<Record<string, string>>
    const row = rows.find((r) => r.city_slug === officer.city.slug)
    expect(row?.['harbour.opened_on']).toBe('1931-09-07')

    const codebook = parse((await admin.get(`/admin/editions/${edition.year}/codebook.csv`)).text, {
      bom: true,
    }) as string[][]
    expect(codebook.find((r) => r[0] === 'harbour.opened_on')).toEqual([
      'harbour.opened_on',
      'harbour.opened_on',
      'When did the harbour open?',
      'date',
      'Date as YYYY-MM-DD',
    ])
  })
})
