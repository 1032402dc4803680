import type { Knex } from 'knex'
import { nowIso } from '../shared/clock'

export interface DataRelease {
  editionId: number
  year: number
  version: number
  note: string
  createdAt: string
}

/**
 * Release versions of each published edition's open data (editions.data_release) and the
 * corrections log (data_releases): the version and its log entry change together.
 */
export function releasesRepository(knex: Knex) {
  async function add(editionId: number, note: string, onlyFirst: boolean): Promise<void> {
    await knex.transaction(async (trx) => {
      const edition = await trx('editions').where({ id: editionId }).first('data_release')
      if (!edition) return
      const current = Number(edition.data_release ?? 0)
      if (onlyFirst && current > 0) return
      const version = current + 1
      await trx('editions').where({ id: editionId }).update({ data_release: version })
      await trx('data_releases').insert({
        edition_id: editionId,
        version,
        note: current === 0 ? 'First release.' : note,
        created_at: nowIso(),
      })
    })
  }
  return {
    /** Gives a newly published edition release 1 (no-op when it has one). */
    ensureFirst: (editionId: number): Promise<void> => add(editionId, 'First release.', true),
    /** A correction after publishing: the next release version, with why. */
    bump: (editionId: number, note: string): Promise<void> => add(editionId, note, false),
    /** Every release of the published editions, newest first. */
    async listPublished(): Promise<DataRelease[]> {
      const rows = await knex('data_releases as d')
        .join('editions as e', 'e.id', 'd.edition_id')
        .where('e.status', 'published')
        .select('d.edition_id', 'e.year', 'd.version', 'd.note', 'd.created_at')
        .orderBy([
          { column: 'e.year', order: 'desc' },
          { column: 'd.version', order: 'desc' },
        ])
      return rows.map((r) => ({
        editionId: Number(r.edition_id),
        year: Number(r.year),
        version: Number(r.version),
        note: r.note,
        createdAt: r.created_at,
      }))
    },
  }
}

export type ReleasesRepository = ReturnType<typeof releasesRepository>
