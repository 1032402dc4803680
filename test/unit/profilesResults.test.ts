import { describe, expect, it } from 'vitest'
import { definitionSchema } from '../../src/questionnaire/definitionSchema'
import { buildResults } from '../../src/profiles/resultsModel'
import type { BasisInfo, ChartContent } from '../../src/profiles/profileContent'

const definition = definitionSchema.parse({
  year: 2020,
  title: 'Results',
  sections: [
    {
      key: 'tools',
      title: 'Tools',
      pages: [
        {
          key: 'tools',
          title: 'Tools',
          questions: [
            {
              key: 'tools',
              type: 'matrix',
              label: 'Which tools does the city use?',
              required: false,
              options: [
                { key: 'open_data', label: 'Open data' },
                { key: 'hackathons', label: 'Hackathons', availableIn: [2018] },
              ],
              columns: [
                { key: 'yes', label: 'Yes' },
                { key: 'no', label: 'No' },
              ],
            },
          ],
        },
      ],
    },
  ],
})

// Six cities compared on their latest answers: three from 2018 (offered hackathons), three from 2020.
const basis: BasisInfo = { kind: 'latest', size: 6, threshold: 5, suppressed: false, years: [2018, 2020] }
const aggregates = {
  tools: {
    answered: 6,
    counts: { 'open_data=yes': 4, 'open_data=no': 2, 'hackathons=yes': 1, 'hackathons=no': 1 },
    signatures: {},
    answeredByYear: { 2018: 3, 2020: 3 },
  },
}
const chart = {} as ChartContent

describe('the results of an edition', () => {
  it('when the basis holds answers from earlier years, then a grid keeps the rows those years offered, each share of the cities asked', () => {
    const [{ questions }] = buildResults(definition, basis, aggregates, {})
    expect(questions[0].grid).toEqual({
      columns: ['Yes', 'No', 'Not collected / don’t know'],
      rows: [
        {
          label: 'Open data',
          cells: [
            { count: 4, share: 67 },
            { count: 2, share: 33 },
            { count: 0, share: 0 },
          ],
        },
        {
          label: 'Hackathons',
          cells: [
            { count: 1, share: 33 },
            { count: 1, share: 33 },
            { count: 1, share: 33 },
          ],
        },
      ],
    })
  })

  it('when charts are drawn per column of a question, then the question lists those charts and no other question’s', () => {
    const charts = { 'tools=yes': chart, 'tools=no': chart, toolsets: chart, 'other=tools': chart }
    const [{ questions }] = buildResults(definition, basis, aggregates, charts)
    expect(questions[0].charts).toEqual(['tools=yes', 'tools=no'])
  })
})

describe('the results of a ranking', () => {
  const ranked = definitionSchema.parse({
    year: 2020,
    title: 'Results',
    sections: [
      {
        key: 'priorities',
        title: 'Priorities',
        pages: [
          {
            key: 'priorities',
            title: 'Priorities',
            questions: [
              {
                key: 'priorities',
                type: 'ranking',
                label: 'Rank these priorities',
                options: [
                  { key: 'housing', label: 'Housing' },
                  { key: 'mobility', label: 'Mobility' },
                  { key: 'climate', label: 'Climate' },
                ],
              },
            ],
          },
        ],
      },
    ],
  })
  const basis5: BasisInfo = { kind: 'approved', size: 5, threshold: 5, suppressed: false, years: [2020] }
  // Five cities: climate first 3 times and second twice; housing 2nd, 3rd…; mobility never ranked by one.
  const counts = {
    'climate=1': 3,
    'climate=2': 2,
    'housing=1': 2,
    'housing=2': 1,
    'housing=3': 2,
    'mobility=2': 2,
    'mobility=3': 2,
  }

  it('when cities ranked the items, then each item has its average rank, best first, of the cities that ranked it', () => {
    const [{ questions }] = buildResults(
      ranked,
      basis5,
      { priorities: { answered: 5, counts, signatures: {} } },
      {},
    )
    expect(questions[0].averageRanks).toEqual([
      { label: 'Climate', average: 1.4, cities: 5 },
      { label: 'Housing', average: 2, cities: 5 },
      { label: 'Mobility', average: 2.5, cities: 4 },
    ])
  })

  it('when fewer cities answered than the threshold, then no average is given', () => {
    const [{ questions }] = buildResults(
      ranked,
      basis5,
      { priorities: { answered: 4, counts, signatures: {} } },
      {},
    )
    expect(questions[0].averageRanks).toBeUndefined()
  })
})
