import type { Knex } from 'knex'
import type { AnswerRow } from '../questionnaire/answerCodec'

export interface ProgressRow {
  responseId: number | null
  cityId: number
  cityName: string
  citySlug: string
  region: string
  /** A response status, or 'never_signed_in' / 'not_started' for an invited city without a response. */
  status: string
  lastActivityAt: string | null
  lastActivityBy: string | null
}

const CHUNK = 500

/** The rows of the progress dashboard: responses, and invited cities that have not started. */
export function progressRepository(knex: Knex) {
  return {
    async responses(editionId: number, region?: string): Promise<ProgressRow[]> {
      const query = knex('responses as r')
        .join('cities as c', 'c.id', 'r.city_id')
        .leftJoin('users as u', 'u.id', 'r.updated_by')
        .where('r.edition_id', editionId)
        .select(
          'r.id as response_id',
          'c.id as city_id',
          'c.name',
          'c.slug',
          'c.region',
          'r.status',
          'r.updated_at',
          'u.display_name',
        )
      if (region) query.where('c.region', region)
      return (await query).map((r) => ({
        responseId: Number(r.response_id),
        cityId: Number(r.city_id),
        cityName: r.name,
        citySlug: r.slug,
        region: r.region,
        status: r.status,
        lastActivityAt: r.updated_at,
        lastActivityBy: r.display_name ?? null,
      }))
    },
    /** Cities with an active officer account but no response to this edition yet (never signed in, or not started). */
    async notStarted(editionId: number, region?: string): Promise<ProgressRow[]> {
      const query = knex('cities as c')
        .whereExists(
          knex('users').whereRaw('users.city_id = c.id').where('role', 'officer').whereNull('disabled_at'),
        )
        .whereNotExists(knex('responses').whereRaw('responses.city_id = c.id').where('edition_id', editionId))
        .select(
          'c.id',
          'c.name',
          'c.slug',
          'c.region',
          // Whether any officer of the city has set a password, i.e. has ever been able to sign in.
          knex.raw(
            "exists (select 1 from users s where s.city_id = c.id and s.role = 'officer' and s.password_hash is not null) as signed_up",
          ),
        )
      if (region) query.where('c.region', region)
      return (await query).map((r) => ({
        responseId: null,
        cityId: Number(r.id),
        cityName: r.name,
        citySlug: r.slug,
        region: r.region,
        status:
          r.signed_up && r.signed_up !== '0' && r.signed_up !== 'false' ? 'not_started' : 'never_signed_in',
        lastActivityAt: null,
        lastActivityBy: null,
      }))
    },
    /**
     * Which questions and options many responses answered, in a few queries (chunks keep
     * SQLite's variable limit). Completeness and conditions need only the keys, not the values.
     */
    async answerKeysOf(responseIds: number[]): Promise<Map<number, AnswerRow[]>> {
      const byResponse = new Map<number, AnswerRow[]>()
      for (let i = 0; i < responseIds.length; i += CHUNK) {
        const rows = await knex('answers')
          .whereIn('response_id', responseIds.slice(i, i + CHUNK))
          .select('response_id', 'question_key', 'option_key')
        for (const row of rows) {
          const id = Number(row.response_id)
          const list = byResponse.get(id) ?? []
          list.push({
            questionKey: row.question_key,
            optionKey: row.option_key,
            text: null,
            number: null,
            note: null,
          })
          byResponse.set(id, list)
        }
      }
      return byResponse
    },
    async regions(): Promise<string[]> {
      return (await knex('cities').distinct('region').orderBy('region')).map((r) => String(r.region))
    },
  }
}

export type ProgressRepository = ReturnType<typeof progressRepository>
