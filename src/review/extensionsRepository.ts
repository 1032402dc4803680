import type { Knex } from 'knex'
import { nowIso } from '../shared/clock'

/** A later deadline for one city in one survey year. */
export interface DeadlineExtension {
  cityId: number
  cityName: string
  closesAt: string
  reason: string
  createdByName: string | null
  createdAt: string
}

interface ExtensionRow {
  city_id: number
  city_name: string
  closes_at: string
  reason: string
  created_by_name: string | null
  created_at: string
}

const toExtension = (row: ExtensionRow): DeadlineExtension => ({
  cityId: Number(row.city_id),
  cityName: row.city_name,
  closesAt: row.closes_at,
  reason: row.reason,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
})

/** Deadline extensions per city (the only knex code for them). */
export function extensionsRepository(knex: Knex) {
  const listing = (editionId: number) =>
    knex('deadline_extensions as x')
      .join('cities as c', 'c.id', 'x.city_id')
      .leftJoin('users as u', 'u.id', 'x.created_by')
      .where('x.edition_id', editionId)
      .select<ExtensionRow[]>(
        'x.city_id',
        'c.name as city_name',
        'x.closes_at',
        'x.reason',
        'u.display_name as created_by_name',
        'x.created_at',
      )

  return {
    async list(editionId: number): Promise<DeadlineExtension[]> {
      return (await listing(editionId).orderBy('c.name')).map(toExtension)
    },
    /** The city's extended deadline (UTC ISO), if it has one. */
    async until(editionId: number, cityId: number): Promise<string | undefined> {
      const row = await knex('deadline_extensions')
        .where({ edition_id: editionId, city_id: cityId })
        .first<{ closes_at: string } | undefined>('closes_at')
      return row?.closes_at
    },
    /** Sets or moves a city's extension. */
    async set(editionId: number, cityId: number, closesAt: string, reason: string, actorId: number) {
      const fields = { closes_at: closesAt, reason, created_by: actorId, created_at: nowIso() }
      await knex('deadline_extensions')
        .insert({ edition_id: editionId, city_id: cityId, ...fields })
        .onConflict(['edition_id', 'city_id'])
        .merge(fields)
    },
    async remove(editionId: number, cityId: number): Promise<boolean> {
      return (await knex('deadline_extensions').where({ edition_id: editionId, city_id: cityId }).del()) > 0
    },
  }
}

export type ExtensionsRepository = ReturnType<typeof extensionsRepository>
