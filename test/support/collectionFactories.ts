import crypto from 'node:crypto'
import type { Repositories } from '../../src/wiring/repositories'
import type { City } from '../../src/cities/citiesRepository'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { definitionSchema, type Definition, type Question } from '../../src/questionnaire/definitionSchema'
import { fieldId, gridColumns } from '../../src/questionnaire/formCodec'
import { offeredOptions } from '../../src/questionnaire/definitionModel'
import { buildCity, buildUser, type BuiltUser } from './factories'

/**
 * A questionnaire no real edition has: invented labels and options, every question type,
 * a same-page condition, a cross-page condition and an option offered only in 2031.
 */
export function madeUpDefinition(year = 2030): Definition {
  return definitionSchema.parse({
    year,
    title: `Lighthouse keepers survey ${year}`,
    sections: [
      {
        key: 'lamps',
        title: 'Lamps and lenses',
        pages: [
          {
            key: 'lamp_basics',
            title: 'About the lamp',
            questions: [
              {
                key: 'lamp.has_fresnel',
                type: 'yesno',
                label: 'Does the lighthouse use a Fresnel lens?',
                hint: 'Count spare lenses too.',
              },
              {
                key: 'lamp.fresnel_maker',
                type: 'text',
                label: 'Who ground the Fresnel lens?',
                condition: { question: 'lamp.has_fresnel', anyOf: ['yes'] },
              },
              {
                key: 'lamp.wick_count',
                type: 'number',
                label: 'Number of wicks',
                min: 1,
                max: 12,
                unit: 'wicks',
              },
              { key: 'lamp.lit_since', type: 'year', label: 'Year first lit', min: 1900, max: 2100 },
            ],
          },
          {
            key: 'lamp_fuel',
            title: 'Fuel',
            questions: [
              {
                key: 'lamp.fuel',
                type: 'single',
                label: 'Which fuel burns in the lamp?',
                other: true,
                options: [
                  { key: 'whale_oil', label: 'Sperm whale oil' },
                  { key: 'kerosene', label: 'Paraffin kerosene', hint: 'Also called lamp oil' },
                  { key: 'acetylene', label: 'Dissolved acetylene', availableIn: [2031] },
                ],
              },
              {
                key: 'lamp.colours',
                type: 'multiple',
                label: 'Which sector colours does the light show?',
                other: true,
                notes: true,
                options: [
                  { key: 'red', label: 'Ruby sector' },
                  { key: 'green', label: 'Emerald sector' },
                  { key: 'white', label: 'Pearl sector' },
                  { key: 'none', label: 'No coloured sectors', exclusive: true },
                ],
              },
            ],
          },
        ],
      },
      {
        key: 'keepers',
        title: 'Keepers and duties',
        pages: [
          {
            key: 'keeper_duties',
            title: 'Duties',
            questions: [
              {
                key: 'keepers.duty_rating',
                type: 'rating',
                label: 'How often does each duty happen?',
                options: [
                  { key: 'trim_wick', label: 'Trimming the wick' },
                  { key: 'polish_brass', label: 'Polishing the brass' },
                ],
                scale: [
                  { key: 'rarely', label: 'Hardly ever' },
                  { key: 'weekly', label: 'Each week' },
                  { key: 'nightly', label: 'Every night' },
                ],
              },
              {
                key: 'keepers.duty_order',
                type: 'ranking',
                label: 'Put the storm tasks in order',
                options: [
                  { key: 'shutters', label: 'Close the storm shutters' },
                  { key: 'foghorn', label: 'Sound the foghorn' },
                  { key: 'logbook', label: 'Write in the logbook' },
                ],
              },
            ],
          },
          {
            key: 'keeper_records',
            title: 'Records',
            condition: { question: 'lamp.has_fresnel', anyOf: ['yes', 'no'] },
            questions: [
              {
                key: 'keepers.records',
                type: 'matrix',
                label: 'Which logs are kept for each weather?',
                required: false,
                options: [
                  { key: 'gale', label: 'Gale nights' },
                  { key: 'fog', label: 'Fog banks' },
                ],
                columns: [
                  { key: 'kept', label: 'Log kept' },
                  { key: 'not_kept', label: 'No log' },
                ],
              },
              { key: 'keepers.names', type: 'textList', label: 'Names of the head keepers', maxItems: 3 },
              {
                key: 'keepers.story',
                type: 'longtext',
                label: 'Tell the story of the worst storm',
                required: false,
                maxLength: 500,
              },
              { key: 'keepers.website', type: 'url', label: 'Lighthouse society web page', required: false },
            ],
          },
        ],
      },
    ],
  })
}

/** Every label a definition shows for the given year: questions, hints, options, columns. */
export function definitionTexts(definition: Definition, year: number): string[] {
  return definition.sections.flatMap((section) =>
    section.pages.flatMap((page) =>
      page.questions.flatMap((question) => [
        question.label,
        ...(question.hint ? [question.hint] : []),
        ...offeredOptions(question, year).flatMap((o) => [o.label, ...(o.hint ? [o.hint] : [])]),
        ...gridColumns(question, year).map((o) => o.label),
      ]),
    ),
  )
}

/**
 * Form fields that answer a question validly, built from its definition alone (so a test
 * can complete any edition's questionnaire without knowing its questions).
 */
export function validFields(question: Question, year: number): Record<string, string | string[]> {
  const id = (...parts: string[]) => fieldId(question.key, '', ...parts)
  const options = offeredOptions(question, year).filter((o) => !o.exclusive)
  switch (question.type) {
    case 'yesno':
      return { [id()]: 'yes' }
    case 'single':
      return { [id()]: options[0].key }
    case 'multiple':
      return { [id()]: options.slice(0, Math.min(2, question.maxChoices ?? 2)).map((o) => o.key) }
    case 'rating':
    case 'matrix': {
      const column = gridColumns(question, year)[0].key
      return Object.fromEntries(offeredOptions(question, year).map((row) => [id(row.key), column]))
    }
    case 'ranking':
      return Object.fromEntries(
        offeredOptions(question, year).map((item, i) => [id(item.key), String(i + 1)]),
      )
    case 'number':
      return {
        [id()]: String(
          question.min !== undefined && question.min > 0 ? question.min : Math.min(question.max ?? 10, 10),
        ),
      }
    case 'year':
      return { [id()]: String(Math.min(Math.max(question.min ?? 2015, 2015), question.max ?? 2015)) }
    case 'date': {
      const [year, month, day] = (question.min ?? question.max ?? '2024-03-27').split('-')
      return { [id('day')]: day, [id('month')]: month, [id('year')]: year }
    }
    case 'text':
    case 'longtext':
      return { [id()]: `Answer to ${question.key}` }
    case 'url':
      return { [id()]: 'https://www.example.org/innovation' }
    case 'textList':
      return { [id('1')]: 'Alex Example', [id('2')]: 'Sam Sample' }
  }
}

/** The hidden fields of a question page's form (version, base, city). */
export function pageState(html: string): Record<string, string> {
  const state: Record<string, string> = {}
  for (const name of ['_csrf', '_version', '_base', '_city']) {
    const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)
    if (match) state[name] = match[1]
  }
  return state
}

/** Whether a question's field is on the page. */
export const isOnPage = (html: string, question: Question): boolean =>
  new RegExp(`name="${fieldId(question.key)}(--[^"]*)?"`).test(html)

/** Decodes the few entities EJS writes, to compare page text with definition text. */
export const decodeHtml = (html: string): string =>
  html
    .replaceAll('&#39;', "'")
    .replaceAll('&#34;', '"')
    .replaceAll('&quot;', '"')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')

export interface Officer {
  city: City
  user: BuiltUser
}

/** A city of its own with one officer, for a test that must not share Enschede's response. */
export async function buildOfficer(repos: Repositories): Promise<Officer> {
  const city = await buildCity(repos)
  const user = await buildUser(repos, { role: 'officer', cityId: city.id })
  return { city, user }
}

/** An open edition with a made-up definition, at an unused year before the demo's open 2026 (so /survey still opens 2026). */
export async function buildTestEdition(
  repos: Repositories,
  definition: (year: number) => Definition = madeUpDefinition,
): Promise<Edition> {
  const taken = new Set((await repos.editions.list()).map((e) => e.year))
  const free = Array.from({ length: 100 }, (_, i) => 1900 + i).filter((y) => !taken.has(y))
  const year = free[crypto.randomInt(free.length)]
  await repos.editions.create({
    year,
    title: `Lighthouse keepers survey ${year}`,
    status: 'open',
    definition: definition(year),
    // No deadline: these years are in the past, and deadlines have tests of their own.
    closesOn: null,
  })
  return (await repos.editions.findByYear(year))!
}
