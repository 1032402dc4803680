import { describe, expect, it } from 'vitest'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import { generateEdition } from '../../src/profiles/generateEdition'
import type { BasisMember, Block, ProfileContent } from '../../src/profiles/profileContent'
import { member, multiple, no, profileTestDefinition, testCity, yes } from '../support/profilesFactories'

function generate(members: BasisMember[], basis: 'approved' | 'latest' = 'latest') {
  return generateEdition({
    definition: profileTestDefinition(2020),
    title: 'Test survey 2020',
    basis,
    threshold: 5,
    members,
    profiled: members
      .filter((m) => m.year === 2020)
      .map((m) => ({ city: testCity(m.cityId), answers: m.answers })),
  })
}

const funded = (cityId: number, activities: string[], year = 2020): BasisMember =>
  member(
    cityId,
    [
      ['strategy.formal', yes],
      ['funding.has_dedicated', yes],
      ['funding.activities', multiple(activities)],
    ],
    year,
  )
const unfunded = (cityId: number): BasisMember =>
  member(cityId, [
    ['strategy.formal', no],
    ['funding.has_dedicated', no],
  ])

/**
 * Twelve cities: 4 without funding; 8 with, of which 5 answered in 2018 (3 chose "Launching or
 * sustaining a project", offered in 2018 only) and 3 in 2020 (all chose idea generation, and one
 * also "Training staff", offered in 2020 only).
 */
const twelve = (): BasisMember[] => [
  funded(1, ['idea_generation', 'training_staff']),
  funded(2, ['idea_generation']),
  funded(3, ['idea_generation']),
  funded(4, ['launching_project', 'idea_generation'], 2018),
  funded(5, ['launching_project'], 2018),
  funded(6, ['launching_project'], 2018),
  funded(7, ['digital_systems'], 2018),
  funded(8, ['idea_generation'], 2018),
  unfunded(9),
  unfunded(10),
  unfunded(11),
  unfunded(12),
]

const blocks = (profile: ProfileContent): Block[] => profile.sections.flatMap((section) => section.blocks)

describe('every share states its base (issue 13 item 17)', () => {
  it('when an option was offered in one year only, then its share is of the cities offered it, with the note', () => {
    const chart = generate(twelve()).aggregate.charts['funding.activities']
    expect(chart.answered).toBe(8)
    expect(chart.rows.find((row) => row.key === 'launching_project')).toEqual({
      key: 'launching_project',
      label: 'Launching or sustaining a project',
      count: 3,
      share: 60, // 3 of the 5 cities that answered in 2018, not 3 of 8 (38%)
      base: 5,
    })
    expect(chart.rows.find((row) => row.key === 'training_staff')).toMatchObject({
      count: 1,
      share: 33,
      base: 3,
    })
    expect(chart.rows.find((row) => row.key === 'idea_generation')).toEqual({
      key: 'idea_generation',
      label: 'Idea generation & brainstorming',
      count: 5,
      share: 63, // offered in both years: of the 8 that answered
    })
    expect(chart.footnote).toContain(
      '"Launching or sustaining a project" is not an option in the 2020 survey',
    )
    expect(chart.baseNote).toBe(
      'Shares of an option offered in some survey years only are of the cities that answered in those years.',
    )
  })

  it('when a headline counts only the cities asked the question, then it names them and their number', () => {
    const { headlines, basis } = generate(twelve()).aggregate
    expect(basis.size).toBe(12)
    expect(headlines.find((h) => h.questionKey === 'funding.activities')).toEqual({
      questionKey: 'funding.activities',
      share: 63,
      text: 'chose “Idea generation & brainstorming” (activities being funded)',
      base: 'the 8 cities with dedicated funding',
    })
    expect(headlines.find((h) => h.questionKey === 'funding.has_dedicated')).toEqual({
      questionKey: 'funding.has_dedicated',
      share: 67,
      text: 'answered yes to “Dedicated funding?”',
    })
  })

  it('when fewer cities answered a compared question than were compared, then its sentence says of how many', () => {
    const members = twelve()
    members[11] = member(12, [['strategy.formal', no]]) // did not answer the funding question
    const { profiles } = generate(members)
    const sentence = blocks(profiles[0]).find(
      (b) => b.kind === 'sentence' && b.questionKey === 'funding.has_dedicated',
    )
    expect(sentence && 'text' in sentence ? sentence.text : '').toBe(
      'Like 73% of the 11 cities that answered, City 1 has dedicated funding to support innovation capacity.',
    )
  })

  it('when a city leaves data-availability rows blank, then they are a category of their own on the profile and the results', () => {
    const availability = (cells: Record<string, string>): AnswerValue => ({ type: 'matrix', cells })
    const members = [1, 2, 3, 4, 5].map((id) =>
      member(id, [
        ['strategy.formal', yes],
        [
          'data.availability',
          availability(
            id <= 3
              ? { economic_development: 'sufficient', land_use: 'insufficient' }
              : { land_use: 'sufficient' },
          ),
        ],
      ]),
    )
    const { profiles, aggregate } = generate(members, 'approved')
    const lists = blocks(profiles[0]).find((b) => b.kind === 'matrixLists')
    expect(lists).toEqual({
      kind: 'matrixLists',
      questionKey: 'data.availability',
      columns: [
        { key: 'sufficient', label: 'Sufficient data', items: ['Economic Development'] },
        { key: 'insufficient', label: 'Insufficient data', items: ['Land use'] },
        { key: '', label: 'Not collected / don’t know', items: ['Public works'] },
      ],
    })
    const grid = aggregate.results
      .flatMap((section) => section.questions)
      .find((question) => question.key === 'data.availability')?.grid
    expect(grid?.columns).toEqual(['Sufficient data', 'Insufficient data', 'Not collected / don’t know'])
    expect(grid?.rows[0]).toEqual({
      label: 'Economic Development',
      cells: [
        { count: 3, share: 60 },
        { count: 0, share: 0 },
        { count: 2, share: 40 },
      ],
    })
  })
})
