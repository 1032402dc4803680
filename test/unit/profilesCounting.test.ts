import { describe, expect, it } from 'vitest'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import { aggregateCounter } from '../../src/profiles/aggregate'
import { member } from '../support/profilesFactories'

const definition = definitionSchema.parse({
  year: 2020,
  title: 'Counting',
  sections: [
    {
      key: 'city',
      title: 'City',
      pages: [
        {
          key: 'all',
          title: 'All',
          questions: [
            { key: 'mayor', type: 'text', label: 'Who is the mayor?' },
            {
              key: 'areas',
              type: 'multiple',
              label: 'Which policy areas?',
              options: [
                { key: 'health', label: 'Health' },
                { key: 'transport', label: 'Transport' },
              ],
            },
            {
              key: 'priorities',
              type: 'ranking',
              label: 'Rank the priorities',
              options: [
                { key: 'jobs', label: 'Jobs' },
                { key: 'homes', label: 'Homes' },
              ],
            },
          ],
        },
      ],
    },
  ],
})

describe('counting a basis', () => {
  it('when cities answer, then each option counts once per city, the same choices in any order are the same answer, a ranking’s order matters, and free text counts only as answered', () => {
    const counter = aggregateCounter(definition)
    counter.add(
      member(
        1,
        [
          ['mayor', { type: 'text', value: 'Ada' }],
          ['areas', { type: 'multiple', choices: ['transport', 'health'], notes: {} }],
          ['priorities', { type: 'ranking', order: ['jobs', 'homes'] }],
        ],
        2018,
      ),
    )
    counter.add(
      member(2, [
        ['areas', { type: 'multiple', choices: ['health', 'transport'], notes: {} }],
        ['priorities', { type: 'ranking', order: ['homes', 'jobs'] }],
      ]),
    )
    counter.add(member(3, [['mayor', { type: 'text', value: 'Bo' }]]))
    expect(counter.questions).toEqual({
      mayor: { answered: 2, counts: {}, signatures: {}, answeredByYear: { 2018: 1, 2020: 1 } },
      areas: {
        answered: 2,
        counts: { health: 2, transport: 2 },
        signatures: { 'health,transport': 2 },
        answeredByYear: { 2018: 1, 2020: 1 },
      },
      priorities: {
        answered: 2,
        counts: { 'jobs=1': 1, 'homes=2': 1, 'homes=1': 1, 'jobs=2': 1 },
        signatures: { 'jobs=1,homes=2': 1, 'homes=1,jobs=2': 1 },
        answeredByYear: { 2018: 1, 2020: 1 },
      },
    })
    expect(counter.basis('latest', 3)).toEqual({
      kind: 'latest',
      size: 3,
      threshold: 3,
      suppressed: false,
      years: [2018, 2020],
    })
    expect(counter.basis('latest', 4).suppressed).toBe(true)
  })
})
