import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'

/** A small made-up questionnaire with every question type, for the review unit tests. */
export function everyTypeDefinition(year = 2020): Definition {
  const opts = (...keys: string[]) => keys.map((key) => ({ key, label: key.toUpperCase() }))
  return definitionSchema.parse({
    year,
    title: `Test ${year}`,
    sections: [
      {
        key: 's1',
        title: 'Section one',
        pages: [
          {
            key: 'p1',
            title: 'Page one',
            questions: [
              { key: 'q.yes', type: 'yesno', label: 'Yes or no?' },
              { key: 'q.why', type: 'longtext', label: 'Why?', condition: { question: 'q.yes', anyOf: ['yes'] } },
              { key: 'q.single', type: 'single', label: 'One', options: opts('a', 'b'), other: true },
              { key: 'q.multi', type: 'multiple', label: 'Many', options: [...opts('a', 'b'), { key: 'old', label: 'Old', availableIn: [2018] }], other: true, notes: true },
            ],
          },
          {
            key: 'p2',
            title: 'Page two',
            condition: { question: 'q.yes', anyOf: ['yes'] },
            questions: [{ key: 'q.count', type: 'number', label: 'How many?', min: 0, max: 1000 }],
          },
        ],
      },
      {
        key: 's2',
        title: 'Section two',
        pages: [
          {
            key: 'p3',
            title: 'Page three',
            questions: [
              { key: 'q.rate', type: 'rating', label: 'Rate', options: opts('x', 'y'), scale: opts('low', 'high') },
              { key: 'q.rank', type: 'ranking', label: 'Rank', options: opts('x', 'y', 'z') },
              { key: 'q.grid', type: 'matrix', label: 'Grid', options: opts('r1', 'r2'), columns: opts('c1', 'c2'), required: false },
              { key: 'q.year', type: 'year', label: 'Since', min: 1990, max: 2030 },
              { key: 'q.url', type: 'url', label: 'Website', required: false },
              { key: 'q.names', type: 'textList', label: 'Names', maxItems: 3 },
              { key: 'q.text', type: 'text', label: 'Mayor' },
            ],
          },
        ],
      },
    ],
  })
}
