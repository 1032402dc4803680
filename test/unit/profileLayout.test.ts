import { describe, expect, it } from 'vitest'
import { definitionSchema, type DefinitionInput } from '../../src/questionnaire/definitionSchema'
import { validateDefinition } from '../../src/questionnaire/validateDefinition'
import { buildProfile } from '../../src/profiles/profileBuilder'
import { buildResults } from '../../src/profiles/resultsModel'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import { withFixedLayout } from '../../migrations/20261203_080_profile_layout_in_definitions'
import { parsedDefinition } from './helpers/definitions'

const context = { knownYears: [2018, 2020] }
const text = (value: string): AnswerValue => ({ type: 'text', value })

/** A small questionnaire of another domain: its profile blocks are its own. */
function libraryDefinition(blocks: NonNullable<DefinitionInput['profile']>['blocks']): DefinitionInput {
  return {
    year: 2020,
    title: 'Library services 2020',
    sections: [
      {
        key: 'branch',
        title: 'Your branch',
        pages: [
          {
            key: 'branch_facts',
            title: 'Branch facts',
            questions: [
              {
                key: 'branch.head',
                type: 'text',
                label: 'Head librarian',
                profile: { section: 'facts', display: 'value', heading: 'Head librarian' },
              },
              {
                key: 'branch.motto',
                type: 'text',
                label: 'Motto',
                profile: { section: 'story', display: 'value' },
              },
              {
                key: 'branch.note',
                type: 'text',
                label: 'Internal note',
                profile: { section: 'internal', display: 'value' },
              },
              {
                key: 'branch.wish',
                type: 'text',
                label: 'Wish',
                profile: { section: 'wishes', display: 'value', heading: 'What {city} wishes for' },
              },
            ],
          },
        ],
      },
    ],
    profile: { blocks },
  }
}

const city = {
  id: 1,
  slug: 'delft-nld',
  name: 'Delft',
  country: 'Netherlands',
  iso3: 'NLD',
  region: 'Europe',
}
const basis = { kind: 'approved' as const, size: 1, threshold: 5, suppressed: true, years: [2020] }
const answers = new Map<string, AnswerValue>([
  ['branch.head', text('Ada Reader')],
  ['branch.motto', text('Open to all')],
  ['branch.note', text('Not for the public')],
  ['branch.wish', text('A reading garden')],
])

function profileOf(input: DefinitionInput) {
  const definition = definitionSchema.parse(input)
  return buildProfile({
    definition,
    editionTitle: 'Library services 2020',
    basis,
    aggregates: {},
    charts: {},
    city,
    answers,
  })
}

describe('the profile layout in the definition', () => {
  const blocks = [
    { key: 'wishes', heading: 'Looking ahead' },
    { key: 'facts', layout: 'facts' as const, cityFacts: [{ field: 'region' as const, label: 'Region' }] },
    { key: 'story', title: 'Our story' },
    { key: 'internal', layout: 'hidden' as const },
  ]

  it('when blocks are declared, then sections follow their order, the facts table heads the page and hidden blocks show nothing', () => {
    const profile = profileOf(libraryDefinition(blocks))
    expect(profile.header).toEqual([
      { key: 'region', label: 'Region', lines: ['Europe'] },
      { key: 'branch.head', label: 'Head librarian', lines: ['Ada Reader'] },
    ])
    expect(profile.sections.map((section) => section.key)).toEqual(['wishes', 'story'])
    expect(profile.sections[0].blocks).toEqual([
      { kind: 'heading', text: 'Looking ahead' },
      { kind: 'heading', text: 'What Delft wishes for' },
      { kind: 'paragraphs', questionKey: 'branch.wish', paragraphs: ['A reading garden'] },
    ])
    expect(profile.answers.map((answer) => answer.key)).toEqual([
      'branch.head',
      'branch.motto',
      'branch.wish',
    ])
  })

  it('when the blocks are reordered, then the sections are too', () => {
    const profile = profileOf(libraryDefinition([blocks[2], blocks[1], blocks[0], blocks[3]]))
    expect(profile.sections.map((section) => section.key)).toEqual(['story', 'wishes'])
  })

  it('when a question names a block the profile does not have, then that is one plain problem naming the question', () => {
    const result = validateDefinition(libraryDefinition(blocks.slice(0, 3)), context)
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'sections.0.pages.0.questions.2.profile.section',
          where: "Question 'Internal note' (branch.note)",
          message:
            'it is shown in the profile block “internal”, which the profile does not have: add that block to the profile layout or choose one of its blocks',
        },
      ],
    })
  })

  it('when two blocks share a key or two are facts tables, then each is a problem', () => {
    const twice = [
      ...blocks,
      { key: 'story' },
      { key: 'more_facts', title: 'More facts', layout: 'facts' as const },
    ]
    const result = validateDefinition(libraryDefinition(twice), context)
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'Two profile blocks have the key “story”: give each block its own key',
      'The profile has one facts table, but “facts” and “More facts” (more_facts) are both facts tables: make one of them a section',
    ])
  })

  it('when the shipped definitions are read, then their layout starts with the facts table and the country', () => {
    for (const year of [2018, 2020]) {
      const { blocks: shipped } = parsedDefinition(year).profile
      expect(shipped[0]).toMatchObject({
        layout: 'facts',
        cityFacts: [{ field: 'country', label: 'Country' }],
      })
      expect(shipped.filter((block) => block.layout === 'section')).toHaveLength(shipped.length - 1)
      expect(validateDefinition(parsedDefinition(year), context).ok).toBe(true)
    }
  })
})

describe('the public title of a section', () => {
  it('when a section has a public title, then the results pages use it; otherwise the officer’s title', () => {
    const input = libraryDefinition([])
    const titles = (definition: DefinitionInput) =>
      buildResults(definitionSchema.parse(definition), basis, {}, {}).map((section) => section.title)
    expect(titles(input)).toEqual(['Your branch'])
    input.sections[0].publicTitle = 'The branch'
    expect(titles(input)).toEqual(['The branch'])
    expect(titles(parsedDefinition(2020))[0]).toBe('The city and its innovation leads')
  })
})

describe('the migration of stored definitions', () => {
  const stored = (sections: string[]) =>
    JSON.stringify({
      year: 2019,
      title: 'Stored',
      sections: [
        {
          key: 's',
          title: 'S',
          pages: [
            {
              key: 'p',
              title: 'P',
              questions: sections.map((section, i) => ({
                key: `q${i}`,
                type: 'text',
                label: 'Q',
                profile: { section },
              })),
            },
          ],
        },
      ],
    })

  it('when a stored definition has no layout, then it gets the fixed order it was shown in, and it validates', () => {
    const upgraded = JSON.parse(withFixedLayout(stored(['header', 'spotlight']))!)
    expect(upgraded.profile.blocks.map((b: { key: string }) => b.key)).toEqual([
      'header',
      'helping_to',
      'success_factors',
      'spotlight',
      'vision',
      'policy_areas',
      'roles',
      'organisation',
      'terms',
      'activities',
      'funding',
      'funding_sources',
      'funding_activities',
      'partnerships',
      'data_availability',
    ])
    expect(upgraded.profile.blocks[0]).toEqual({
      key: 'header',
      title: 'City facts',
      layout: 'facts',
      cityFacts: [{ field: 'country', label: 'Country' }],
    })
    expect(validateDefinition(upgraded, context).ok).toBe(true)
  })

  it('when a stored question was hidden, then the layout has a hidden block; a layout already there or a non-definition is left alone', () => {
    const upgraded = JSON.parse(withFixedLayout(stored(['hidden']))!)
    expect(upgraded.profile.blocks.at(-1)).toEqual({
      key: 'hidden',
      title: 'Not shown on the page',
      layout: 'hidden',
    })
    expect(withFixedLayout(JSON.stringify({ ...upgraded, profile: { blocks: [] } }))).toBeUndefined()
    expect(withFixedLayout('{}')).toBeUndefined()
    expect(withFixedLayout(null)).toBeUndefined()
  })
})
