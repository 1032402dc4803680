import type { Knex } from 'knex'
import type { AnswerRow } from '../questionnaire/answerCodec'
import { jsonArrayOfRows, jsonValue } from '../db/dialect'
import type { CityMeta } from './exportColumns'

export type ExportScope = 'approved' | 'all'

export interface ExportResponse {
  id: number
  meta: CityMeta
  rows: AnswerRow[]
}

const answerFields = ['a.question_key', 'a.option_key', 'a.value_text', 'a.value_number', 'a.note']
type AnswerTuple = [string, string, string | null, number | string | null, string | null]

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
/** The primary key's order (keys are ASCII, so code units sort as SQLite's BINARY and pg's C collation). */
const byKeys = (a: AnswerRow, b: AnswerRow): number =>
  compare(a.questionKey, b.questionKey) || compare(a.optionKey, b.optionKey)

/** A response's answers from its JSON aggregate, in key order as the table's primary key reads them. */
function answerRows(value: unknown): AnswerRow[] {
  const tuples = (jsonValue(value) ?? []) as AnswerTuple[]
  return tuples
    .map(([questionKey, optionKey, text, number, note]) => ({
      questionKey,
      optionKey,
      text,
      number: number === null ? null : Number(number),
      note,
    }))
    .sort(byKeys)
}

/**
 * Reads an edition's responses for export a batch at a time (keyset on the response id),
 * so an export's memory does not grow with the number of cities. One query per batch, each
 * response's answers in one JSON value: the sqlite3 driver makes an object per row slowly,
 * and knex's `.stream()` on sqlite3 reads every row into memory first, so it would not stream.
 */
export function exportRepository(knex: Knex) {
  return {
    async batch(
      editionId: number,
      scope: ExportScope,
      afterId: number,
      limit: number,
    ): Promise<ExportResponse[]> {
      const answers = knex('answers as a')
        .select(jsonArrayOfRows(knex, answerFields, ['a.value_number']))
        .where('a.response_id', knex.ref('r.id'))
      const query = knex('responses as r')
        .join('cities as c', 'c.id', 'r.city_id')
        .where('r.edition_id', editionId)
        .where('r.id', '>', afterId)
        .select(
          'r.id',
          'r.status',
          'r.submitted_at',
          'r.approved_at',
          'c.slug',
          'c.name',
          'c.country',
          'c.iso3',
          'c.region',
          answers.as('answers'),
        )
        .orderBy('r.id')
        .limit(limit)
      if (scope === 'approved') query.where('r.status', 'approved')
      const responses = await query
      return responses.map((r) => ({
        id: Number(r.id),
        meta: {
          slug: r.slug,
          name: r.name,
          country: r.country,
          iso3: r.iso3,
          region: r.region,
          status: r.status,
          submittedAt: r.submitted_at,
          approvedAt: r.approved_at,
        },
        rows: answerRows(r.answers),
      }))
    },
  }
}

export type ExportRepository = ReturnType<typeof exportRepository>
