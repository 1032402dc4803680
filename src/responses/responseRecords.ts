import type { AnswerRow } from '../db/answerRow'

/**
 * A city's response and its answers as stored: the records and their row mappings. src/responses
 * owns the responses, answers, response_events and review_comments tables; the officer's journey
 * (collection) and the administration (review) both use it.
 */

export const responseStatuses = ['in_progress', 'submitted', 'returned', 'approved'] as const
export type ResponseStatus = (typeof responseStatuses)[number]

export interface ResponseRecord {
  id: number
  editionId: number
  cityId: number
  status: ResponseStatus
  version: number
  submittedAt: string | null
  submittedBy: number | null
  submittedByName: string | null
  approvedAt: string | null
  updatedBy: number | null
  updatedAt: string
  createdAt: string
  /** The language it was last saved or submitted in ("es"); null before any was recorded. */
  locale: string | null
}

export interface StoredAnswerRow extends AnswerRow {
  prefilled: boolean
  updatedBy: number | null
  updatedAt: string
}

/** A response with the name of whoever changed it last (for "last edited by"). */
export interface ResponseSummary extends ResponseRecord {
  updatedByName: string | null
}

/** An answer row with the name of whoever saved it. */
export interface EditedAnswerRow extends StoredAnswerRow {
  updatedByName: string | null
}

export interface ResponseEvent {
  type: string
  actorId: number | null
  pageKey?: string | null
  data?: unknown
}

export interface ResponseRow {
  id: number
  edition_id: number
  city_id: number
  status: ResponseStatus
  version: number
  submitted_at: string | null
  submitted_by: number | null
  submitted_by_name: string | null
  approved_at: string | null
  updated_by: number | null
  updated_at: string
  created_at: string
  locale: string | null
}

export const toResponse = (r: ResponseRow): ResponseRecord => ({
  id: r.id,
  editionId: r.edition_id,
  cityId: r.city_id,
  status: r.status,
  version: r.version,
  submittedAt: r.submitted_at,
  submittedBy: r.submitted_by,
  submittedByName: r.submitted_by_name,
  approvedAt: r.approved_at,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
  createdAt: r.created_at,
  locale: r.locale ?? null,
})

export const toAnswerRow = (r: Record<string, unknown>): StoredAnswerRow => ({
  questionKey: String(r.question_key),
  optionKey: String(r.option_key),
  text: (r.value_text as string | null) ?? null,
  number: r.value_number === null || r.value_number === undefined ? null : Number(r.value_number),
  note: (r.note as string | null) ?? null,
  prefilled: Boolean(r.prefilled),
  updatedBy: (r.updated_by as number | null) ?? null,
  updatedAt: String(r.updated_at),
})

/** The answer columns toAnswerRow reads. */
export const answerFields = [
  'question_key',
  'option_key',
  'value_text',
  'value_number',
  'note',
  'prefilled',
  'updated_by',
  'updated_at',
] as const

export const answerColumns = (
  responseId: number,
  row: AnswerRow,
  actorId: number | null,
  at: string,
  prefilled = false,
) => ({
  response_id: responseId,
  question_key: row.questionKey,
  option_key: row.optionKey,
  value_text: row.text,
  value_number: row.number,
  note: row.note,
  prefilled,
  updated_by: actorId,
  updated_at: at,
})
