import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { signedInAgent, type Agent } from '../support/http'
import {
  buildOfficer,
  buildTestEdition,
  decodeHtml,
  pageState,
  type Officer,
} from '../support/collectionFactories'
import type { Edition } from '../../src/questionnaire/editionsRepository'

const t = testApp()
afterAll(() => t.close())

let edition: Edition
let officer: Officer
let agent: Agent
const path = (section: string, page: string) => `/survey/${edition.year}/${section}/${page}`

/** GETs a page for its form state, then posts the fields. */
async function save(page: string, fields: Record<string, string | string[]>, action = 'continue') {
  const form = await agent.get(page)
  expect(form.status).toBe(200)
  return agent
    .post(page)
    .type('form')
    .send({ ...pageState(form.text), ...fields, _action: action })
}

const text = (html: string) => decodeHtml(html)
const summaryLinks = (html: string) =>
  [...text(html).matchAll(/<li><a href="(#[^"]+)">([^<]+)<\/a><\/li>/g)].map((m) => [m[1], m[2]])

beforeAll(async () => {
  edition = await buildTestEdition(t.repos)
  officer = await buildOfficer(t.repos)
  agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
})

describe('question pages: validation on submit, messages per question and failure, input kept', () => {
  it('when a page is saved with nothing answered, then 400, "Error: " title, a summary linking to each field and the same messages beside them', async () => {
    const response = await save(path('lamps', 'lamp_basics'), {})
    expect(response.status).toBe(400)
    expect(response.text).toContain('<title>Error: About the lamp')
    expect(response.text).toContain('There is a problem')
    expect(summaryLinks(response.text)).toEqual([
      ['#lamp-has_fresnel', 'Select whether the lighthouse uses a Fresnel lens'],
      ['#lamp-wick_count', 'Enter the number of wicks'],
      ['#lamp-lit_since', 'Enter the year first lit'],
    ])
    expect(text(response.text)).toContain(
      '<p id="lamp-wick_count-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> Enter the number of wicks</p>',
    )
    // The conditional question applies only after "Yes": it is not required yet.
    expect(text(response.text)).not.toContain('Who ground the Fresnel lens?”')
  })

  it('when numbers, years and a condition are answered wrongly, then each says what is wrong and what was typed is kept', async () => {
    const response = await save(path('lamps', 'lamp_basics'), {
      'lamp-has_fresnel': 'yes',
      'lamp-fresnel_maker': '',
      'lamp-wick_count': 'twelve',
      'lamp-lit_since': '19x',
    })
    expect(response.status).toBe(400)
    expect(summaryLinks(response.text)).toEqual([
      ['#lamp-fresnel_maker', 'Enter an answer for “Who ground the Fresnel lens”'],
      ['#lamp-wick_count', 'Enter the number of wicks as a number'],
      ['#lamp-lit_since', 'Enter the year first lit as a year, like 2019'],
    ])
    expect(response.text).toContain('value="twelve"')
    expect(response.text).toContain('value="19x"')
    expect(response.text).toMatch(
      /id="lamp-has_fresnel" name="lamp-has_fresnel" type="radio" value="yes" checked/,
    )
    const outOfRange = await save(path('lamps', 'lamp_basics'), {
      'lamp-has_fresnel': 'no',
      'lamp-wick_count': '13',
      'lamp-lit_since': '1850',
    })
    expect(summaryLinks(outOfRange.text)).toEqual([
      ['#lamp-wick_count', 'The number of wicks must be between 1 and 12'],
      ['#lamp-lit_since', 'The year first lit must be between 1900 and 2100'],
    ])
    expect(outOfRange.text).toContain('value="13"')
  })

  it('when "Other" has no text, or an exclusive choice is combined, or an option not offered this year is sent, then each is refused with its own message', async () => {
    const response = await save(path('lamps', 'lamp_fuel'), {
      'lamp-fuel': 'other',
      'lamp-fuel--other': '  ',
      'lamp-colours': ['red', 'none'],
      'lamp-colours--note--red': 'Faces the harbour',
    })
    expect(response.status).toBe(400)
    expect(summaryLinks(response.text)).toEqual([
      ['#lamp-fuel--other', 'Enter your other answer for “Which fuel burns in the lamp”'],
      [
        '#lamp-colours--none',
        'Select either “No coloured sectors” or other answers for “Which sector colours does the light show”, not both',
      ],
    ])
    expect(response.text).toContain('Faces the harbour')
    expect(response.text).not.toContain('Dissolved acetylene')
    const notOffered = await save(path('lamps', 'lamp_fuel'), {
      'lamp-fuel': 'acetylene',
      'lamp-colours': 'red',
    })
    expect(summaryLinks(notOffered.text)).toEqual([
      ['#lamp-fuel', 'Select one of the answers offered for “Which fuel burns in the lamp”'],
    ])
  })

  it('when a rating misses a row and a ranking repeats a number, then the row and the rank are named and the choices kept', async () => {
    const response = await save(path('keepers', 'keeper_duties'), {
      'keepers-duty_rating--trim_wick': 'weekly',
      'keepers-duty_order--shutters': '1',
      'keepers-duty_order--foghorn': '1',
      'keepers-duty_order--logbook': '2',
    })
    expect(response.status).toBe(400)
    expect(summaryLinks(response.text)).toEqual([
      [
        '#keepers-duty_rating--polish_brass',
        'Select an answer for “Polishing the brass” in “How often does each duty happen”',
      ],
      ['#keepers-duty_order--foghorn', 'Give each item of “Put the storm tasks in order” a different rank'],
    ])
    expect(response.text).toMatch(
      /id="keepers-duty_rating--trim_wick--weekly" name="keepers-duty_rating--trim_wick" type="radio" value="weekly" checked/,
    )
    expect(response.text).toMatch(
      /name="keepers-duty_order--logbook">[\s\S]*?<option value="2" selected>2<\/option>/,
    )
    const partial = await save(path('keepers', 'keeper_duties'), {
      'keepers-duty_rating--trim_wick': 'weekly',
      'keepers-duty_rating--polish_brass': 'rarely',
      'keepers-duty_order--shutters': '1',
    })
    expect(summaryLinks(partial.text)).toEqual([
      ['#keepers-duty_order--foghorn', 'Rank every item in “Put the storm tasks in order”'],
    ])
  })

  it('when a matrix, repeatable text, long text and a web address are malformed or too long, then each field says so and keeps the text', async () => {
    await save(path('lamps', 'lamp_basics'), {
      'lamp-has_fresnel': 'no',
      'lamp-wick_count': '3',
      'lamp-lit_since': '1920',
    })
    const long = 'x'.repeat(201)
    const response = await save(path('keepers', 'keeper_records'), {
      'keepers-records--gale': 'sometimes',
      'keepers-records--fog': 'kept',
      'keepers-names--1': 'Ada Keeper',
      'keepers-names--2': long,
      'keepers-story': 'y'.repeat(501),
      'keepers-website': 'not a web address',
    })
    expect(response.status).toBe(400)
    expect(summaryLinks(response.text)).toEqual([
      [
        '#keepers-records--gale',
        'Select one of the answers offered for “Which logs are kept for each weather”',
      ],
      ['#keepers-names--2', 'Entry 2 of “Names of the head keepers” must be 200 characters or fewer'],
      ['#keepers-story', 'The answer to “Tell the story of the worst storm” must be 500 characters or fewer'],
      [
        '#keepers-website',
        'Enter the lighthouse society web page as a web address, like https://www.example.org',
      ],
    ])
    expect(response.text).toContain(`value="${long}"`)
    expect(response.text).toContain('value="not a web address"')
    expect(response.text).toContain('value="Ada Keeper"')
    expect(response.text).toMatch(/name="keepers-records--fog" type="radio" value="kept" checked/)
  })

  it('when "Save and come back later" is pressed on an incomplete page, then what is there is saved and the task list says so', async () => {
    const response = await save(
      path('lamps', 'lamp_fuel'),
      {
        'lamp-colours': ['green', 'other'],
        'lamp-colours--other': 'Amber',
        'lamp-colours--note--green': 'Starboard side',
      },
      'later',
    )
    expect(response.status).toBe(302)
    expect(response.headers.location).toBe(`/survey/${edition.year}`)
    const taskList = await agent.get(response.headers.location)
    expect(taskList.text).toContain('Your answers have been saved')
    expect(taskList.text).toContain('In progress')
    const page = await agent.get(path('lamps', 'lamp_fuel'))
    expect(page.text).toContain('value="Amber"')
    expect(page.text).toContain('Starboard side')
    expect(page.text).toMatch(/value="green" checked/)
  })
})
