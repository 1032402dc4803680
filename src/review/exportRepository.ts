import type { Knex } from 'knex'
import { toAnswerRow, type StoredAnswerRow } from '../collection/responsesRepository'
import type { CityMeta } from './exportColumns'

export type ExportScope = 'approved' | 'all'

export interface ExportResponse {
  id: number
  meta: CityMeta
  rows: StoredAnswerRow[]
}

/**
 * Reads an edition's responses for export a batch at a time (keyset on the response id),
 * so an export's memory does not grow with the number of cities. Two queries per batch.
 */
export function exportRepository(knex: Knex) {
  return {
    async batch(
      editionId: number,
      scope: ExportScope,
      afterId: number,
      limit: number,
    ): Promise<ExportResponse[]> {
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
        )
        .orderBy('r.id')
        .limit(limit)
      if (scope === 'approved') query.where('r.status', 'approved')
      const responses = await query
      if (responses.length === 0) return []
      const answers = await knex('answers')
        .whereIn(
          'response_id',
          responses.map((r) => r.id),
        )
        .orderBy(['response_id', 'question_key', 'option_key'])
      const byResponse = new Map<number, StoredAnswerRow[]>()
      for (const row of answers) {
        const id = Number(row.response_id)
        const list = byResponse.get(id) ?? []
        list.push(toAnswerRow(row))
        byResponse.set(id, list)
      }
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
        rows: byResponse.get(Number(r.id)) ?? [],
      }))
    },
  }
}

export type ExportRepository = ReturnType<typeof exportRepository>
