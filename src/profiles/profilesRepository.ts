import type { Knex } from 'knex'
import { insertInChunks } from '../db/dialect'
import { answerRowsFromJson, answersAsJson } from '../db/answersJson'
import type { AnswerRow } from '../questionnaire/answerCodec'
import type { ResponseRef } from './aggregate'

export interface SnapshotRow {
  cityId: number
  /** The language the profile is written in ('en', or one whose translation is complete). */
  locale: string
  content: string
  contentHash: string
}

/** One published year of a city's profile; `content` only for the year asked for. */
export interface CitySnapshotYear {
  year: number
  editionId: number
  /** The language of this snapshot: the one asked for, or English where that year has none in it. */
  locale: string
  contentHash: string
  /** The hash of the edition's aggregate, whose charts the page shows. */
  editionHash: string
  generatedAt: string
  content: string | null
  /** Where the city is, for the locator map on its profile (null when not known). */
  location: { latitude: number; longitude: number } | null
}

/** Reads the answer rows of a few responses, by response id (each in question and option key order). */
export type AnswerReader = (responseIds: number[]) => Promise<Map<number, AnswerRow[]>>

/** What a profile shows of its city (ProfileCity). */
export interface ProfiledCity {
  id: number
  slug: string
  name: string
  country: string
  iso3: string
  region: string
}

/** Reads a few cities by id. */
export type CityReader = (cityIds: number[]) => Promise<Map<number, ProfiledCity>>

/** What snapshots are made from, read through the transaction that writes them. */
export interface SnapshotReaders {
  answers: AnswerReader
  cities: CityReader
}

const citiesReader =
  (db: Knex): CityReader =>
  async (cityIds) => {
    const byId = new Map<number, ProfiledCity>()
    if (cityIds.length === 0) return byId
    const rows: ProfiledCity[] = await db('cities')
      .whereIn('id', cityIds)
      .select('id', 'slug', 'name', 'country', 'iso3', 'region')
    for (const { id, slug, name, country, iso3, region } of rows)
      byId.set(Number(id), { id: Number(id), slug, name, country, iso3, region })
    return byId
  }

/** One row per response with its answers as JSON: a driver converts ~60 times fewer rows. */
const answersReader =
  (db: Knex): AnswerReader =>
  async (responseIds) => {
    const byResponse = new Map<number, AnswerRow[]>(responseIds.map((id) => [id, []]))
    if (responseIds.length === 0) return byResponse
    const rows: Array<{ response_id: number; answers: unknown }> = await db('answers')
      .whereIn('response_id', responseIds)
      .groupBy('response_id')
      .select('response_id', db.raw('(?) as ??', [answersAsJson(db), 'answers']))
    for (const r of rows) byResponse.set(Number(r.response_id), answerRowsFromJson(r.answers))
    return byResponse
  }

/** Approved responses of this edition and, for basis "latest", of earlier published editions. */
const approvedUpTo = (knex: Knex, year: number, onlyThisYear: boolean): Knex.QueryBuilder =>
  knex('responses as r')
    .join('editions as e', 'e.id', 'r.edition_id')
    .where('r.status', 'approved')
    .modify((query) => {
      if (onlyThisYear) query.where('e.year', year)
      else
        query
          .where('e.year', '<=', year)
          .andWhere((q) => q.where('e.year', year).orWhere('e.status', 'published'))
    })

/**
 * Written first in the transaction, and not kept: the copies of its text made to write it (the
 * largest value of an edition, some 25 MB for 100 000 cities) are freed before the snapshots are made.
 */
async function insertAggregates(
  trx: Knex.Transaction,
  editionId: number,
  aggregates: Array<{ locale: string; content: string; contentHash: string }>,
  at: string,
): Promise<void> {
  for (const { locale, content, contentHash } of aggregates)
    await trx('edition_aggregates').insert({
      edition_id: editionId,
      locale,
      content,
      content_hash: contentHash,
      generated_at: at,
    })
}

/** Snapshots written per round trip: about 0.6 MB of JSON. */
const SNAPSHOT_BATCH = 50

export function profilesRepository(knex: Knex) {
  return {
    /** The responses a basis may draw on: one query for the whole edition. */
    async approvedResponses(year: number, onlyThisYear: boolean): Promise<ResponseRef[]> {
      const rows: Array<Record<string, unknown>> = await approvedUpTo(knex, year, onlyThisYear)
        .select('r.id as response_id', 'r.city_id', 'e.year')
        .orderBy(['e.year', 'r.id'])
      return rows.map((r) => ({
        responseId: Number(r.response_id),
        cityId: Number(r.city_id),
        year: Number(r.year),
      }))
    },

    /** The answer rows of a few responses, by response id. */
    answersOf: answersReader(knex),

    /**
     * Replaces an edition's snapshots and aggregate in one transaction, so readers never see
     * half an edition. Snapshots are consumed and written in batches as they are generated; they
     * read answers and cities through the transaction (`read`), since on SQLite's one connection
     * a read outside it would wait for the transaction to end. The aggregate is asked for when
     * it is written, and then dropped (its JSON is the largest value of an edition).
     */
    async replaceEdition(
      editionId: number,
      aggregates: () => Array<{ locale: string; content: string; contentHash: string }>,
      snapshots: (read: SnapshotReaders) => AsyncIterable<SnapshotRow>,
      at: string,
    ): Promise<void> {
      await knex.transaction(async (trx) => {
        await trx('profile_snapshots').where({ edition_id: editionId }).delete()
        await trx('edition_aggregates').where({ edition_id: editionId }).delete()
        await insertAggregates(trx, editionId, aggregates(), at)
        let batch: Record<string, unknown>[] = []
        const readers = { answers: answersReader(trx), cities: citiesReader(trx) }
        for await (const s of snapshots(readers)) {
          batch.push({
            edition_id: editionId,
            city_id: s.cityId,
            locale: s.locale,
            content: s.content,
            content_hash: s.contentHash,
            generated_at: at,
          })
          if (batch.length === SNAPSHOT_BATCH) {
            await insertInChunks(trx, 'profile_snapshots', batch)
            batch = []
          }
        }
        await insertInChunks(trx, 'profile_snapshots', batch)
      })
    },

    /**
     * A city's published profile years, with the content of `years`: one query per page view. Each
     * year in `locale` where it was made in that language (its translation complete), else in English.
     */
    async citySnapshots(slug: string, years: number[], locale = 'en'): Promise<CitySnapshotYear[]> {
      const wanted = years.length > 0 ? years : [-1]
      const rows = await knex('profile_snapshots as s')
        .join('editions as e', 'e.id', 's.edition_id')
        .join('cities as c', 'c.id', 's.city_id')
        .leftJoin('edition_aggregates as g', (on) =>
          on.on('g.edition_id', 's.edition_id').andOn('g.locale', 's.locale'),
        )
        .where({ 'c.slug': slug, 'e.status': 'published' })
        .whereIn('s.locale', [...new Set(['en', locale])])
        .select(
          'e.year',
          's.locale',
          's.edition_id',
          's.content_hash',
          'g.content_hash as edition_hash',
          's.generated_at',
          'c.latitude',
          'c.longitude',
          knex.raw(
            `case when e.year in (${wanted.map(() => '?').join(', ')}) then s.content else null end as content`,
            wanted,
          ),
        )
        .orderBy('e.year', 'desc')
      // English rows only where the year has none in the language asked for.
      const asked = new Set(rows.filter((r) => r.locale === locale).map((r) => Number(r.year)))
      return rows
        .filter((r) => r.locale === locale || !asked.has(Number(r.year)))
        .map((r) => ({
          year: Number(r.year),
          editionId: Number(r.edition_id),
          locale: String(r.locale),
          contentHash: r.content_hash,
          editionHash: r.edition_hash ?? '',
          generatedAt: r.generated_at,
          content: r.content ?? null,
          location:
            r.latitude === null || r.longitude === null
              ? null
              : { latitude: Number(r.latitude), longitude: Number(r.longitude) },
        }))
    },

    /**
     * The published editions' aggregates by hash (light: no content), newest first: each in
     * `locale` where it was made in it, else in English.
     */
    async publishedAggregateIndex(
      locale = 'en',
    ): Promise<Array<{ editionId: number; year: number; locale: string; contentHash: string }>> {
      const rows = await knex('edition_aggregates as g')
        .join('editions as e', 'e.id', 'g.edition_id')
        .where('e.status', 'published')
        .whereIn('g.locale', [...new Set(['en', locale])])
        .select('g.edition_id', 'e.year', 'g.locale', 'g.content_hash')
        .orderBy('e.year', 'desc')
      const asked = new Set(rows.filter((r) => r.locale === locale).map((r) => Number(r.edition_id)))
      return rows
        .filter((r) => r.locale === locale || !asked.has(Number(r.edition_id)))
        .map((r) => ({
          editionId: Number(r.edition_id),
          year: Number(r.year),
          locale: String(r.locale),
          contentHash: r.content_hash,
        }))
    },

    /** An edition's aggregate in one language as stored now, with its hash (callers cache it under that hash). */
    async aggregateContent(
      editionId: number,
      locale = 'en',
    ): Promise<{ content: string; contentHash: string } | undefined> {
      const row = await knex('edition_aggregates')
        .where({ edition_id: editionId, locale })
        .first('content', 'content_hash')
      return row && { content: row.content, contentHash: row.content_hash }
    },
  }
}

export type ProfilesRepository = ReturnType<typeof profilesRepository>
