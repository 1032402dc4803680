import type { Repositories } from '../../src/wiring/repositories'
import type { EditionStatus } from '../../src/questionnaire/editionsRepository'
import type { ResponseStatus } from '../../src/responses/responseRecords'
import { answerToRows, type Answers } from '../../src/questionnaire/answerCodec'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'
import { allQuestions } from '../../src/questionnaire/definitionModel'
import { parsedDefinition } from '../unit/helpers/definitions'
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
              {
                key: 'q.why',
                type: 'longtext',
                label: 'Why?',
                condition: { question: 'q.yes', anyOf: ['yes'] },
              },
              { key: 'q.single', type: 'single', label: 'One', options: opts('a', 'b'), other: true },
              {
                key: 'q.multi',
                type: 'multiple',
                label: 'Many',
                options: [...opts('a', 'b'), { key: 'old', label: 'Old', availableIn: [2018] }],
                other: true,
                notes: true,
              },
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
              {
                key: 'q.rate',
                type: 'rating',
                label: 'Rate',
                options: opts('x', 'y'),
                scale: opts('low', 'high'),
              },
              { key: 'q.rank', type: 'ranking', label: 'Rank', options: opts('x', 'y', 'z') },
              {
                key: 'q.grid',
                type: 'matrix',
                label: 'Grid',
                options: opts('r1', 'r2'),
                columns: opts('c1', 'c2'),
                required: false,
              },
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

/**
 * A survey year of its own for one test: a copy of the shipped 2020 questionnaire under an
 * unused year (the PostgreSQL database is shared, so years are picked at random and retried).
 */
export async function buildEdition(
  repos: Repositories,
  fields: { status?: EditionStatus; definition?: Definition } = {},
) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const year = 2101 + Math.floor(Math.random() * 98)
    if (await repos.editions.findByYear(year)) continue
    const definition = fields.definition
      ? { ...fields.definition, year }
      : copyDefinition(parsedDefinition(2020), year)
    try {
      await repos.editions.create({
        year,
        title: definition.title,
        status: fields.status ?? 'draft',
        definition,
        copiedFromYear: 2020,
      })
    } catch {
      continue
    }
    return (await repos.editions.findByYear(year))!
  }
  throw new Error('No free edition year')
}

/** A response of a city to an edition, with answers saved and the status set as the officer journey would. */
export async function buildResponse(
  repos: Repositories,
  fields: {
    editionId: number
    cityId: number
    answers: Answers
    status?: ResponseStatus
    actorId?: number | null
  },
) {
  const actorId = fields.actorId ?? null
  const response = await repos.responses.findOrCreate(fields.editionId, fields.cityId, actorId)
  const rows = [...fields.answers].flatMap(([key, value]) => answerToRows(key, value))
  let version = await repos.responses.saveAnswers({
    responseId: response.id,
    expectedVersion: response.version,
    questionKeys: [...fields.answers.keys()],
    rows,
    event: {
      type: 'page_saved',
      actorId,
      data: {
        changes: [...fields.answers].map(([questionKey, after]) => ({ questionKey, before: null, after })),
      },
    },
  })
  const status = fields.status ?? 'in_progress'
  if (status !== 'in_progress') {
    const at = new Date().toISOString()
    version = await repos.responses.transition(
      response.id,
      version,
      { status: 'submitted', submitted_at: at, submitted_by: actorId, submitted_by_name: 'Test Officer' },
      { type: 'submitted', actorId },
    )
  }
  if (status === 'approved')
    await repos.responses.transition(
      response.id,
      version,
      { status: 'approved', approved_at: new Date().toISOString() },
      { type: 'approved', actorId },
    )
  if (status === 'returned')
    await repos.responses.transition(
      response.id,
      version,
      { status: 'returned' },
      { type: 'returned', actorId },
    )
  return (await repos.responses.findById(response.id))!
}

/** Answers to every required question of a definition that is always shown (enough to look complete). */
export function simpleAnswers(definition: Definition, overrides: Answers = new Map()): Answers {
  const answers: Answers = new Map()
  for (const { question } of allQuestions(definition)) {
    if (question.type === 'text')
      answers.set(question.key, { type: 'text', value: `Text for ${question.key}` })
    if (question.type === 'yesno') answers.set(question.key, { type: 'yesno', choice: 'no' })
    if (question.type === 'number') answers.set(question.key, { type: 'number', value: 42 })
  }
  for (const [key, value] of overrides) answers.set(key, value)
  return answers
}
