import type { Answers } from '../questionnaire/answerCodec'
import { answerColumns, type AnswerColumn, type Cell } from '../questionnaire/answerColumns'
import type { Definition } from '../questionnaire/definitionSchema'

/**
 * The wide, one-row-per-city layout of an edition's answers (CSV, XLSX) for its administrators:
 * the city and status columns, then each question's columns (src/questionnaire/answerColumns.ts,
 * which the public open data lays out too). Pure: the export service feeds it rows.
 */

export type { Cell } from '../questionnaire/answerColumns'
export type ExportColumn = AnswerColumn
export { LIST_SEPARATOR } from '../questionnaire/types/textList'

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

/** Every answer column of an edition, in the questionnaire's reading order. */
export function exportColumns(definition: Definition): ExportColumn[] {
  return answerColumns(definition, { years: [definition.year], kind: 'review' })
}

/** The header row: city and status columns, then the answer columns. */
export function headerRow(columns: ExportColumn[]): string[] {
  return [...metaColumns.map((m) => m.name), ...columns.map((c) => c.name)]
}

/** One city's row, in the order of headerRow. Unanswered questions give empty cells. */
export function exportRow(columns: ExportColumn[], meta: CityMeta, answers: Answers): Cell[] {
  return [...metaColumns.map((m) => m.pick(meta)), ...columns.map((c) => c.read(answers.get(c.questionKey)))]
}

export const codebookHeader = ['column', 'question_key', 'question_text', 'type', 'values'] as const

/** The codebook: one row per column, saying which question it comes from and what its values mean. */
export function codebookRows(columns: ExportColumn[]): string[][] {
  return [
    ...metaColumns.map((m) => [m.name, '', m.description, 'meta', '']),
    ...columns.map((c) => [c.name, c.questionKey, c.questionText, c.type, c.values]),
  ]
}
