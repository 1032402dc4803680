import { OTHER, type Answers, type AnswerValue } from '../questionnaire/answerCodec'
import type { Definition, Question } from '../questionnaire/definitionSchema'
import { allQuestions, offeredOptions, optionLabel } from '../questionnaire/definitionModel'

/**
 * The wide, one-row-per-city layout of an edition's answers (CSV, XLSX, open data).
 * Column names are the stable question and option keys, so a column means the same
 * thing in every edition. Pure: the export service feeds it rows, the public
 * open-data download may reuse it.
 */

export type Cell = string | number | null

export interface ExportColumn {
  /** The column name: `key`, `key.option`, `key.option.note`, `key.other`. */
  name: string
  /** The question it comes from ('' for the city and status columns). */
  questionKey: string
  questionText: string
  type: string
  /** What the values mean, e.g. "yes = Yes; no = No" or "1 = chosen: Grants". */
  values: string
  cell: (answer: AnswerValue | undefined) => Cell
}

export interface CityMeta {
  slug: string
  name: string
  country: string
  iso3: string
  region: string
  status: string
  submittedAt: string | null
  approvedAt: string | null
}

export const metaColumns: Array<{ name: string; description: string; pick: (meta: CityMeta) => Cell }> = [
  { name: 'city_slug', description: 'Stable identifier of the city', pick: (m) => m.slug },
  { name: 'city_name', description: 'City name', pick: (m) => m.name },
  { name: 'country', description: 'Country', pick: (m) => m.country },
  { name: 'iso3', description: 'ISO 3166-1 alpha-3 code of the country', pick: (m) => m.iso3 },
  { name: 'region', description: 'Region', pick: (m) => m.region },
  {
    name: 'response_status',
    description: 'Status of the response: in_progress, submitted, returned or approved',
    pick: (m) => m.status,
  },
  {
    name: 'submitted_at',
    description: 'When the response was last submitted (UTC)',
    pick: (m) => m.submittedAt,
  },
  { name: 'approved_at', description: 'When the response was approved (UTC)', pick: (m) => m.approvedAt },
]

const listed = (pairs: Array<[string, string]>) => pairs.map(([key, label]) => `${key} = ${label}`).join('; ')

const scaleOf = (question: Question) =>
  question.type === 'rating' ? question.scale : question.type === 'matrix' ? question.columns : []

/** The columns one question contributes, in a fixed order. */
function questionColumns(question: Question, year: number): ExportColumn[] {
  const base = { questionKey: question.key, questionText: question.label, type: question.type }
  const column = (name: string, values: string, cell: ExportColumn['cell']): ExportColumn => ({
    ...base,
    name,
    values,
    cell,
  })
  const options = offeredOptions(question, year)
  switch (question.type) {
    case 'yesno':
      return [
        column(
          question.key,
          listed([
            ['yes', 'Yes'],
            ['no', 'No'],
          ]),
          (a) => (a?.type === 'yesno' ? a.choice : null),
        ),
      ]
    case 'single': {
      const pairs: Array<[string, string]> = options.map((o) => [o.key, o.label])
      if (question.other) pairs.push([OTHER, 'Other (please specify)'])
      const columns = [column(question.key, listed(pairs), (a) => (a?.type === 'single' ? a.choice : null))]
      if (question.other) {
        columns.push(
          column(`${question.key}.${OTHER}`, 'Text of "Other (please specify)"', (a) =>
            a?.type === 'single' && a.choice === OTHER ? (a.other ?? '') : null,
          ),
        )
      }
      return columns
    }
    case 'multiple':
      return multipleColumns(question, options, column)
    case 'rating':
    case 'matrix': {
      const values = listed(scaleOf(question).map((c) => [c.key, c.label]))
      return options.map((o) =>
        column(`${question.key}.${o.key}`, `${o.label}: ${values}`, (a) =>
          a?.type === question.type ? (a.cells[o.key] ?? null) : null,
        ),
      )
    }
    case 'ranking':
      return options.map((o) =>
        column(`${question.key}.${o.key}`, `Rank of "${o.label}" (1 = first)`, (a) => {
          if (a?.type !== 'ranking') return null
          const index = a.order.indexOf(o.key)
          return index < 0 ? null : index + 1
        }),
      )
    case 'number':
    case 'year':
      return [
        column(
          question.key,
          question.type === 'number' && question.unit
            ? `Number (${question.unit})`
            : question.type === 'year'
              ? 'Year'
              : 'Number',
          (a) => (a?.type === question.type ? a.value : null),
        ),
      ]
    case 'text':
    case 'longtext':
    case 'url':
      return [column(question.key, 'Text as written', (a) => (a?.type === question.type ? a.value : null))]
    case 'textList':
      return [
        column(question.key, `Items as written, joined by "${LIST_SEPARATOR}"`, (a) =>
          a?.type === 'textList' ? a.values.join(LIST_SEPARATOR) : null,
        ),
      ]
  }
}

export const LIST_SEPARATOR = ' | '

function multipleColumns(
  question: Extract<Question, { type: 'multiple' }>,
  options: ReturnType<typeof offeredOptions>,
  column: (name: string, values: string, cell: ExportColumn['cell']) => ExportColumn,
): ExportColumn[] {
  const choice = (a: AnswerValue | undefined) => (a?.type === 'multiple' ? a : undefined)
  const keys = options.map((o) => o.key).concat(question.other ? [OTHER] : [])
  const columns: ExportColumn[] = options.map((o) =>
    column(`${question.key}.${o.key}`, `1 = chosen, 0 = not chosen: ${o.label}`, (a) => {
      const answer = choice(a)
      return answer ? (answer.choices.includes(o.key) ? 1 : 0) : null
    }),
  )
  if (question.other) {
    columns.push(
      column(`${question.key}.${OTHER}`, 'Text of "Other (please specify)"; empty when not chosen', (a) => {
        const answer = choice(a)
        return answer && answer.choices.includes(OTHER) ? (answer.other ?? '') : null
      }),
    )
  }
  if (question.notes) {
    for (const key of keys) {
      columns.push(
        column(
          `${question.key}.${key}.note`,
          `Note on "${optionLabel(question, key)}" as written`,
          (a) => choice(a)?.notes[key] ?? null,
        ),
      )
    }
  }
  return columns
}

/** Every answer column of an edition, in the questionnaire's reading order. */
export function exportColumns(definition: Definition): ExportColumn[] {
  return allQuestions(definition).flatMap(({ question }) => questionColumns(question, definition.year))
}

/** The header row: city and status columns, then the answer columns. */
export function headerRow(columns: ExportColumn[]): string[] {
  return [...metaColumns.map((m) => m.name), ...columns.map((c) => c.name)]
}

/** One city's row, in the order of headerRow. Unanswered questions give empty cells. */
export function exportRow(columns: ExportColumn[], meta: CityMeta, answers: Answers): Cell[] {
  return [...metaColumns.map((m) => m.pick(meta)), ...columns.map((c) => c.cell(answers.get(c.questionKey)))]
}

export const codebookHeader = ['column', 'question_key', 'question_text', 'type', 'values'] as const

/** The codebook: one row per column, saying which question it comes from and what its values mean. */
export function codebookRows(columns: ExportColumn[]): string[][] {
  return [
    ...metaColumns.map((m) => [m.name, '', m.description, 'meta', '']),
    ...columns.map((c) => [c.name, c.questionKey, c.questionText, c.type, c.values]),
  ]
}

const dangerous = /^[=+\-@\t\r]/

/**
 * Spreadsheets run a cell that begins with = + - @ (or tab/CR) as a formula. Text cells
 * get a leading apostrophe so they are shown, never run (OWASP "CSV injection").
 * Numbers stay numbers: a negative number is data, not a formula.
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === 'string' && dangerous.test(cell) ? `'${cell}` : cell
}
