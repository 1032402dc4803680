import type { Knex } from 'knex'
import type { AnswerRow } from '../questionnaire/answerCodec'

export interface OpenDataResponse {
  responseId: number
  slug: string
  name: string
  country: string
  iso3: string
  region: string
  approvedAt: string | null
}

/** The approved answers of a published edition, read in batches so exports stream. */
export function openDataRepository(knex: Knex) {
  return {
    /** The approved responses of an edition with their city, by city name. */
    async approvedResponses(editionId: number): Promise<OpenDataResponse[]> {
      const rows = await knex('responses as r')
        .join('cities as c', 'c.id', 'r.city_id')
        .where({ 'r.edition_id': editionId, 'r.status': 'approved' })
        .select('r.id', 'c.slug', 'c.name', 'c.country', 'c.iso3', 'c.region', 'r.approved_at')
        .orderBy(['c.name', 'r.id'])
      return rows.map((r) => ({
        responseId: Number(r.id),
        slug: r.slug,
        name: r.name,
        country: r.country,
        iso3: r.iso3,
        region: r.region,
        approvedAt: r.approved_at ?? null,
      }))
    },

    /**
     * Every approved response a "latest" basis up to this year may draw on (this year's, and
     * published earlier years'), with its city and edition year: the same choice as the profiles'.
     */
    async approvedUpTo(year: number): Promise<Array<OpenDataResponse & { cityId: number; year: number }>> {
      const rows = await knex('responses as r')
        .join('editions as e', 'e.id', 'r.edition_id')
        .join('cities as c', 'c.id', 'r.city_id')
        .where('r.status', 'approved')
        .where('e.year', '<=', year)
        .andWhere((q) => q.where('e.year', year).orWhere('e.status', 'published'))
        .select(
          'r.id',
          'r.city_id',
          'e.year',
          'c.slug',
          'c.name',
          'c.country',
          'c.iso3',
          'c.region',
          'r.approved_at',
        )
        .orderBy(['c.name', 'r.id'])
      return rows.map((r) => ({
        responseId: Number(r.id),
        cityId: Number(r.city_id),
        year: Number(r.year),
        slug: r.slug,
        name: r.name,
        country: r.country,
        iso3: r.iso3,
        region: r.region,
        approvedAt: r.approved_at ?? null,
      }))
    },

    /** The answer rows of a few responses, grouped by response id. */
    async answersOf(responseIds: number[]): Promise<Map<number, AnswerRow[]>> {
      const byResponse = new Map<number, AnswerRow[]>(responseIds.map((id) => [id, []]))
      if (responseIds.length === 0) return byResponse
      const rows = await knex('answers')
        .whereIn('response_id', responseIds)
        .select('response_id', 'question_key', 'option_key', 'value_text', 'value_number', 'note')
        .orderBy(['response_id', 'question_key', 'option_key'])
      for (const r of rows) {
        byResponse.get(Number(r.response_id))?.push({
          questionKey: String(r.question_key),
          optionKey: String(r.option_key),
          text: r.value_text ?? null,
          number: r.value_number === null || r.value_number === undefined ? null : Number(r.value_number),
          note: r.note ?? null,
        })
      }
      return byResponse
    },
  }
}

export type OpenDataRepository = ReturnType<typeof openDataRepository>
