import type { Knex } from 'knex'
import { nowIso } from '../shared/clock'

/** What a correction changed, as the corrections log names it. */
export interface ReleaseDetail {
  city?: string
  question?: string
  questionKey?: string
  reason?: string
}

export interface DataRelease {
  editionId: number
  year: number
  version: number
  note: string
  detail?: ReleaseDetail
  createdAt: string
}

/** A file of a release as it was published: the edition's data, or the basis its pages counted. */
export type ReleaseFileName = 'data' | 'basis'

function parseDetail(text: unknown): ReleaseDetail | undefined {
  if (typeof text !== 'string' || text === '') return undefined
  try {
    return JSON.parse(text) as ReleaseDetail
  } catch {
    return undefined
  }
}

/**
 * Release versions of each published edition's open data (editions.data_release), the corrections
 * log (data_releases) and each release's files (data_release_files): the version and its log
 * entry change together.
 */
export function releasesRepository(knex: Knex) {
  /** Adds the next release; returns its version, or undefined when none was added. */
  async function add(
    editionId: number,
    note: string,
    onlyFirst: boolean,
    detail?: ReleaseDetail,
  ): Promise<number | undefined> {
    return knex.transaction(async (trx) => {
      const edition = await trx('editions').where({ id: editionId }).first('data_release')
      if (!edition) return undefined
      const current = Number(edition.data_release ?? 0)
      if (onlyFirst && current > 0) return undefined
      const version = current + 1
      await trx('editions').where({ id: editionId }).update({ data_release: version })
      await trx('data_releases').insert({
        edition_id: editionId,
        version,
        note: current === 0 ? 'First release.' : note,
        detail: current === 0 || !detail ? null : JSON.stringify(detail),
        created_at: nowIso(),
      })
      return version
    })
  }
  return {
    /** Gives a newly published edition release 1 (no-op when it has one). */
    ensureFirst: (editionId: number): Promise<number | undefined> => add(editionId, 'First release.', true),
    /** A correction after publishing: the next release version, with why and what it changed. */
    bump: (editionId: number, note: string, detail?: ReleaseDetail): Promise<number | undefined> =>
      add(editionId, note, false, detail),
    /** Every release of the published editions, newest first. */
    async listPublished(): Promise<DataRelease[]> {
      const rows = await knex('data_releases as d')
        .join('editions as e', 'e.id', 'd.edition_id')
        .where('e.status', 'published')
        .select('d.edition_id', 'e.year', 'd.version', 'd.note', 'd.detail', 'd.created_at')
        .orderBy([
          { column: 'e.year', order: 'desc' },
          { column: 'd.version', order: 'desc' },
        ])
      return rows.map((r) => {
        const detail = parseDetail(r.detail)
        return {
          editionId: Number(r.edition_id),
          year: Number(r.year),
          version: Number(r.version),
          note: r.note,
          ...(detail ? { detail } : {}),
          createdAt: r.created_at,
        }
      })
    },
    /** Stores a release's file once (a second store of the same file is ignored). */
    async storeFile(editionId: number, version: number, name: ReleaseFileName, content: string) {
      await knex('data_release_files')
        .insert({ edition_id: editionId, version, name, content, created_at: nowIso() })
        .onConflict(['edition_id', 'version', 'name'])
        .ignore()
    },
    /** Whether a release's file is stored. */
    async hasFile(editionId: number, version: number, name: ReleaseFileName): Promise<boolean> {
      const row = await knex('data_release_files').where({ edition_id: editionId, version, name }).first('id')
      return row !== undefined
    },
    /** A release's file as it was published, or undefined. */
    async file(editionId: number, version: number, name: ReleaseFileName): Promise<string | undefined> {
      const row = await knex('data_release_files')
        .where({ edition_id: editionId, version, name })
        .first('content')
      return row ? String(row.content) : undefined
    },
  }
}

export type ReleasesRepository = ReturnType<typeof releasesRepository>
