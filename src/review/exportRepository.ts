import type { Knex } from 'knex'
import type { AnswerRow } from '../questionnaire/answerCodec'
import { answerRowsFromJson, answersAsJson } from '../db/answersJson'
import type { CityMeta } from './exportColumns'

export type ExportScope = 'approved' | 'all'

export interface ExportResponse {
  id: number
  meta: CityMeta
  rows: AnswerRow[]
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
        .select(answersAsJson(knex, 'a'))
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
        // Parsed when read, one response at a time: a batch's ~30 000 row objects never live
        // together, long enough for the garbage collector to move them to the old generation.
        get rows() {
          return answerRowsFromJson(r.answers)
        },
      }))
    },
  }
}

export type ExportRepository = ReturnType<typeof exportRepository>
