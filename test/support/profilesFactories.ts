import {
  definitionSchema,
  type Definition,
  type DefinitionInput,
} from '../../src/questionnaire/definitionSchema'
import { answerToRows, type Answers, type AnswerValue } from '../../src/questionnaire/answerCodec'
import type { Repositories } from '../../src/wiring/repositories'
import type { BasisMember } from '../../src/profiles/profileContent'

type QuestionInput = DefinitionInput['sections'][number]['pages'][number]['questions'][number]

const page = (key: string, questions: QuestionInput[]) => ({ key, title: key, questions })

/**
 * A small definition with the real instrument's presentation shapes (header facts, comparison
 * sentences in numbers and words, counted lists, a rated list, a matrix, edition-only options).
 */
export function profileTestDefinition(year = 2020): Definition {
  const input: DefinitionInput = {
    year,
    title: `Test survey ${year}`,
    sections: [
      {
        key: 'city',
        title: 'City',
        pages: [
          page('facts', [
            {
              key: 'city.mayor',
              type: 'text',
              label: 'Mayor',
              profile: { section: 'header', display: 'value', heading: 'Mayor' },
            },
            {
              key: 'city.population',
              type: 'number',
              label: 'Population',
              profile: { section: 'header', display: 'value', heading: 'Population' },
            },
            {
              key: 'city.population_year',
              type: 'year',
              label: 'Population year',
              profile: { section: 'header', display: 'value' },
            },
            {
              key: 'city.website',
              type: 'url',
              label: 'Website',
              required: false,
              profile: { section: 'header', display: 'value', heading: 'Innovation Website' },
            },
            {
              key: 'city.officers',
              type: 'textList',
              label: 'Officers',
              profile: { section: 'header', display: 'value', heading: 'Lead Innovation Officer' },
            },
            {
              key: 'city.spotlight',
              type: 'longtext',
              label: 'Spotlight',
              required: false,
              profile: {
                section: 'spotlight',
                display: 'value',
                heading: 'Spotlight on innovation in {city}',
              },
            },
          ]),
        ],
      },
      {
        key: 'vision',
        title: 'Vision',
        pages: [
          page('strategy', [
            {
              key: 'strategy.formal',
              type: 'yesno',
              label: 'Formal strategy?',
              profile: {
                section: 'vision',
                display: 'sentence',
                heading: 'Vision and approach to innovation capacity',
                sentences: [
                  {
                    when: { equals: 'yes' },
                    text: 'Along with {share} of cities surveyed, {city} has an explicit innovation strategy.',
                  },
                  {
                    when: { equals: 'no' },
                    text: 'Along with {share} of cities surveyed, {city} does not have an explicit innovation strategy.',
                  },
                ],
              },
            },
            {
              key: 'approach.level',
              type: 'single',
              label: 'Approach?',
              options: [
                { key: 'holistic', label: 'Holistic' },
                { key: 'policy_areas', label: 'Policy areas' },
                { key: 'both', label: 'Both' },
              ],
              profile: {
                section: 'vision',
                display: 'sentence',
                sentences: [
                  {
                    when: { equals: 'both' },
                    text: 'Similar to {shareInWords} of cities surveyed, {city} approaches innovation capacity both from a holistic/macro level, as well as in specific policy areas.',
                  },
                  {
                    text: 'Similar to {shareInWords} of cities surveyed, {city} approaches innovation capacity in its own way.',
                  },
                ],
              },
            },
            {
              key: 'activities.experience',
              type: 'rating',
              label: 'Experience?',
              options: [
                { key: 'risk_taking', label: 'Taking risks or testing new ideas' },
                {
                  key: 'data_analytics',
                  label: 'Data-driven analytics/public data management',
                  longLabel: 'Promoting data-driven analytics / public data management',
                  hint: 'e.g. data storage/analytics; open data; big data',
                },
                { key: 'resident_engagement', label: 'Engaging residents in new ways' },
              ],
              scale: [
                { key: 'none', label: 'None' },
                { key: 'some', label: 'Some' },
                { key: 'extensive', label: 'Extensive' },
              ],
              profile: {
                section: 'activities',
                display: 'topRated',
                heading: "{city}'s most common innovation activities",
              },
            },
          ]),
        ],
      },
      {
        key: 'organisation',
        title: 'Organisation',
        pages: [
          page('roles', [
            {
              key: 'roles',
              type: 'multiple',
              label: 'Roles?',
              options: [
                { key: 'project_manager', label: 'Project manager' },
                { key: 'data_scientist', label: 'Data scientist' },
                { key: 'communication_officer', label: 'Communication officer' },
                { key: 'none', label: 'None of these', exclusive: true },
              ],
              other: true,
              profile: {
                section: 'roles',
                display: 'list',
                heading: 'Innovation skills or roles',
                sentences: [
                  {
                    when: { includes: 'none' },
                    text: '{city} does not report specific innovation skills or roles.',
                  },
                  { when: { count: 1 }, text: '{city} utilizes 1 innovation skill or role' },
                  {
                    when: { count: 'many' },
                    text: '{city} utilizes {count} different innovation skills or roles',
                  },
                ],
                chart: { title: 'Innovation roles by number of cities' },
              },
            },
          ]),
        ],
      },
      {
        key: 'funding',
        title: 'Funding',
        pages: [
          page('funding', [
            {
              key: 'funding.has_dedicated',
              type: 'yesno',
              label: 'Dedicated funding?',
              profile: {
                section: 'funding',
                display: 'sentence',
                heading: 'How is innovation funded here?',
                sentences: [
                  {
                    when: { equals: 'yes' },
                    text: 'Like {share} of cities surveyed, {city} has dedicated funding to support innovation capacity.',
                  },
                  {
                    when: { equals: 'no', moreThanHalf: true },
                    text: 'Like {share} of cities surveyed, {city} does not have dedicated funding to support innovation capacity.',
                  },
                  {
                    when: { equals: 'no' },
                    text: 'Unlike {othersShare} of cities surveyed, {city} does not have dedicated funding to support innovation capacity.',
                  },
                ],
              },
            },
            {
              key: 'funding.activities',
              type: 'multiple',
              label: 'Funded activities?',
              condition: { question: 'funding.has_dedicated', anyOf: ['yes'] },
              options: [
                { key: 'launching_project', label: 'Launching or sustaining a project', availableIn: [2018] },
                { key: 'idea_generation', label: 'Idea generation & brainstorming' },
                { key: 'digital_systems', label: 'Investing in digital systems' },
                { key: 'training_staff', label: 'Training staff and building capacity', availableIn: [2020] },
              ],
              profile: {
                section: 'funding_activities',
                display: 'list',
                heading: 'Activities being funded',
                chart: { title: 'Activities being funded' },
                askedOf: 'cities with dedicated funding',
              },
            },
          ]),
        ],
      },
      {
        key: 'data',
        title: 'Data',
        pages: [
          page('partnerships', [
            {
              key: 'partnerships.innovation',
              type: 'multiple',
              label: 'Partners?',
              options: [
                { key: 'public_agencies', label: 'Other public agencies', phrase: 'other public agencies' },
                { key: 'private_firms', label: 'Private firms', phrase: 'private firms' },
                {
                  key: 'not_for_profit',
                  label: 'Not-for-profit organizations',
                  phrase: 'not-for-profit organizations',
                },
                {
                  key: 'residents',
                  label: 'City residents/resident associations',
                  phrase: 'city residents/resident associations',
                },
              ],
              other: true,
              profile: {
                section: 'partnerships',
                display: 'sentence',
                heading: 'How is innovation measured?',
                sentences: [
                  { text: '{city} has developed partnerships to promote innovation capacity with {list}.' },
                ],
              },
            },
            {
              key: 'data.partnerships',
              type: 'multiple',
              label: 'Data partners?',
              options: [
                { key: 'private_sector', label: 'Private sector', phrase: 'the private sector' },
                { key: 'academia', label: 'Academia and think tanks', phrase: 'academia and think tanks' },
                { key: 'other_cities', label: 'Other cities', phrase: 'other cities' },
              ],
              profile: {
                section: 'partnerships',
                display: 'sentence',
                sentences: [
                  {
                    when: { includes: 'other_cities', count: 1 },
                    text: 'To improve data use, the city has developed data partnerships with other cities.',
                  },
                  {
                    when: { includes: 'other_cities' },
                    listExcludes: ['other_cities'],
                    text: 'To improve data use, the city has also developed data partnerships with {list}, to collect and analyze data, as well as with other cities.',
                  },
                  {
                    text: 'To improve data use, the city has also developed data partnerships with {list}, to collect and analyze data.',
                  },
                ],
              },
            },
            {
              key: 'data.availability',
              type: 'matrix',
              label: 'Data availability?',
              required: false,
              options: [
                { key: 'economic_development', label: 'Economic Development' },
                { key: 'land_use', label: 'Land use' },
                { key: 'public_works', label: 'Public works' },
              ],
              columns: [
                { key: 'sufficient', label: 'Sufficient data' },
                { key: 'insufficient', label: 'Insufficient data' },
              ],
              profile: {
                section: 'data_availability',
                display: 'matrixLists',
                heading: 'Data availability by policy area',
              },
            },
          ]),
        ],
      },
    ],
    // The profile's blocks in the innovation profile's order, the facts table first.
    profile: {
      blocks: [
        { key: 'header', layout: 'facts', cityFacts: [{ field: 'country', label: 'Country' }] },
        { key: 'spotlight' },
        { key: 'vision' },
        { key: 'roles' },
        { key: 'activities' },
        { key: 'funding' },
        { key: 'funding_activities' },
        { key: 'partnerships' },
        { key: 'data_availability' },
      ],
    },
  }
  return definitionSchema.parse(input)
}

export const yes: AnswerValue = { type: 'yesno', choice: 'yes' }
export const no: AnswerValue = { type: 'yesno', choice: 'no' }
export const multiple = (choices: string[], other?: string): AnswerValue => ({
  type: 'multiple',
  choices,
  notes: {},
  ...(other ? { other } : {}),
})

/** A basis member from plain entries. */
export const member = (cityId: number, entries: Array<[string, AnswerValue]>, year = 2020): BasisMember => ({
  cityId,
  year,
  answers: new Map(entries) as Answers,
})

export const testCity = (id: number, name = `City ${id}`) => ({
  id,
  slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-tst`,
  name,
  country: 'Testland',
  iso3: 'TST',
  region: 'Europe',
})

/** A response of a city in an edition with these answers, left in progress or approved (through the repositories). */
export async function buildResponse(
  repos: Repositories,
  options: {
    year: number
    cityId: number
    answers: Array<[string, AnswerValue]>
    status?: 'approved' | 'in_progress'
  },
): Promise<{ responseId: number; editionId: number }> {
  const edition = await repos.editions.findByYear(options.year)
  if (!edition) throw new Error(`No ${options.year} edition`)
  const response = await repos.responses.findOrCreate(edition.id, options.cityId, null)
  const rows = options.answers.flatMap(([key, value]) => answerToRows(key, value))
  const version = await repos.responses.saveAnswers({
    responseId: response.id,
    expectedVersion: response.version,
    questionKeys: options.answers.map(([key]) => key),
    rows,
    event: { type: 'page_saved', actorId: null },
  })
  if ((options.status ?? 'approved') === 'approved') {
    await repos.responses.transition(
      response.id,
      version,
      { status: 'approved', approved_at: new Date().toISOString() },
      { type: 'approved', actorId: null },
    )
  }
  return { responseId: response.id, editionId: edition.id }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#34': '"' }

/** The text of a page's <main>, tags removed and entities decoded; charts and their tables left out unless asked. */
export function mainText(html: string, options: { charts?: boolean } = {}): string {
  let main = html.includes('<main') ? html.slice(html.indexOf('<main'), html.indexOf('</main>')) : html
  if (!options.charts)
    main = main.replace(/<svg[\s\S]*?<\/svg>/g, ' ').replace(/<details[\s\S]*?<\/details>/g, ' ')
  return main
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|#34);/g, (_, name: string) => entities[name])
    .replace(/\s+/g, ' ')
}

/** Fails with the missing piece unless every piece appears in the text, in this order. */
export function expectInOrder(text: string, pieces: string[]): void {
  let from = 0
  for (const piece of pieces) {
    const at = text.indexOf(piece, from)
    if (at < 0) {
      const anywhere = text.indexOf(piece) >= 0 ? ' (it appears earlier, out of order)' : ''
      throw new Error(`Missing "${piece}" after position ${from}${anywhere}`)
    }
    from = at + piece.length
  }
}
