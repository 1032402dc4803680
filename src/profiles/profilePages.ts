import type { ProfilesRepository } from './profilesRepository'
import { BadRequestError, NotFoundError } from '../shared/errors'
import { compareProfiles, sharedQuestionKeys, type ComparedAnswer } from './compareProfiles'
import { LruCache } from './lruCache'
import type { CitySnapshotYear } from './profilesRepository'
import type { ChartContent, EditionAggregateContent, ProfileContent, ProfileView } from './profileContent'
import { profileView } from './profileView'
import { parseYear } from '../web/requestParams'

export interface CityPage {
  /**
   * What the page is drawn from: the city's snapshot and its edition's charts (both hashes), so
   * an ETag or a cached rendering changes when either does (and the city's coordinates).
   */
  version: string
  /** The language the page is in: the one asked for where this year was made in it, else English. */
  locale: string
  /** Every language this year's profile was made in (its hreflang alternates). */
  locales: string[]
  /** Where the city is, for its locator map. */
  location: { latitude: number; longitude: number } | null
  generatedAt: string
  /** Published years of this city's profile, newest first (the year switcher). */
  years: number[]
  profile: () => Promise<ProfileView>
}

export interface ComparePage {
  kind: 'compared'
  /** The language both years are shown in. */
  locale: string
  from: ProfileContent
  to: ProfileContent
  years: number[]
  answers: ComparedAnswer[]
  /** How many questions both years' questionnaires ask (undefined: not known, every answer is compared). */
  sharedQuestions?: number
}

/** A city with a single published year: there is nothing to compare it with yet. */
export interface OneYearPage {
  kind: 'one-year'
  city: ProfileContent['city']
  year: number
}

/**
 * The read side of profiles: pages render stored snapshots only (no aggregation per request).
 * Parsed snapshots are cached by content hash, so an unchanged profile is parsed once.
 */
export function profilePages(
  repos: { profiles: Pick<ProfilesRepository, 'aggregateContent' | 'citySnapshots'> },
  freshForMs = 1000,
) {
  const parsed = new LruCache<string, ProfileContent>(400)
  const parse = (hash: string, content: string) =>
    parsed.getOrSet(hash, () => JSON.parse(content) as ProfileContent)
  // An edition's charts, read from its aggregate once per aggregate hash.
  const charts = new LruCache<string, Record<string, ChartContent>>(16)
  async function chartsOf(row: CitySnapshotYear): Promise<Record<string, ChartContent>> {
    const hit = charts.get(row.editionHash)
    if (hit) return hit
    // Kept under the hash read, which is newer than the row's if a regeneration came in between.
    const stored = await repos.profiles.aggregateContent(row.editionId, row.locale)
    if (!stored) return {}
    return charts.set(stored.contentHash, (JSON.parse(stored.content) as EditionAggregateContent).charts)
  }
  // An edition's question keys (its aggregate counts every question), read once per aggregate hash.
  const questionKeys = new LruCache<string, string[]>(16)
  async function questionKeysOf(row: CitySnapshotYear): Promise<string[] | undefined> {
    const hit = questionKeys.get(row.editionHash)
    if (hit) return hit
    const stored = await repos.profiles.aggregateContent(row.editionId, row.locale)
    if (!stored) return undefined
    const content = JSON.parse(stored.content) as EditionAggregateContent
    return questionKeys.set(stored.contentHash, Object.keys(content.questions))
  }
  const views = new LruCache<string, ProfileView>(400)
  // A profile view costs one indexed query; under load the same rows are read many times a second,
  // so they are kept for a moment. This process forgets them as soon as it regenerates (forget());
  // another process sharing the database serves the old snapshot for at most `freshForMs`.
  let recent = new LruCache<string, { at: number; rows: Promise<CitySnapshotYear[]> }>(1000)
  const citySnapshots = (slug: string, years: number[], locale = 'en'): Promise<CitySnapshotYear[]> => {
    const key = `${slug}|${years.join(',')}|${locale}`
    const hit = recent.get(key)
    if (hit && Date.now() - hit.at < freshForMs) return hit.rows
    const read = repos.profiles.citySnapshots(slug, years, locale)
    recent.set(key, { at: Date.now(), rows: read })
    read.catch(() => recent.set(key, { at: 0, rows: read }))
    return read
  }

  /** A 404 for a year a city has no profile of, naming the years it has (two more queries, on this path only). */
  const missingYear = async (slug: string, year: number): Promise<NotFoundError> => {
    const all = await citySnapshots(slug, [])
    if (all.length === 0) return new NotFoundError()
    const [latest] = await citySnapshots(slug, [all[0].year])
    if (!latest?.content) return new NotFoundError()
    const name = parse(latest.contentHash, latest.content).city.name
    const years = all.map((r) => r.year).sort((a, b) => a - b)
    const list = years.length > 1 ? `${years.slice(0, -1).join(', ')} and ${years.at(-1)}` : String(years[0])
    return new NotFoundError(
      `${name} has no published profile for ${Number.isFinite(year) ? year : 'that year'}. ${name} took part in the survey ${years.length > 1 ? 'in' : 'only in'} ${list}.`,
      years.map((y) => ({
        href: `/cities/${encodeURIComponent(slug)}/${y}`,
        text: `${name}’s ${y} profile`,
      })),
    )
  }

  return {
    /** Drops the rows read so far (after a regeneration in this process). */
    forget(): void {
      recent = new LruCache(1000)
    },

    /** A city's profile of one published year, in `locale` where it was made in it: one query (two in another language). */
    async cityPage(slug: string, year: number, locale = 'en'): Promise<CityPage> {
      const rows = await citySnapshots(slug, [year], locale)
      const row = rows.find((candidate) => candidate.year === year)
      if (!row || row.content === null) throw await missingYear(slug, year)
      const content = row.content
      // The locator map is drawn from the city's coordinates: a move changes the page too.
      const where = row.location ? `|${row.location.latitude},${row.location.longitude}` : ''
      const version = `${row.contentHash}|${row.editionHash}${where}`
      return {
        version,
        locale: row.locale,
        locales: row.locale === locale ? [...new Set(['en', locale])] : ['en'],
        location: row.location,
        generatedAt: row.generatedAt,
        years: rows.map((r) => r.year),
        profile: async () =>
          views.get(version) ??
          views.set(version, profileView(parse(row.contentHash, content), await chartsOf(row))),
      }
    },

    /** The newest published year of a city's profile. */
    async latestYear(slug: string): Promise<number> {
      const [latest] = await citySnapshots(slug, [])
      if (!latest) throw new NotFoundError()
      return latest.year
    },

    /**
     * Two published years of one city side by side, with what changed, over the questions both
     * years' questionnaires ask (a city with one year has nothing to compare).
     */
    async compare(
      slug: string,
      fromValue: unknown,
      toValue: unknown,
      locale = 'en',
    ): Promise<ComparePage | OneYearPage> {
      const all = await citySnapshots(slug, [])
      if (all.length === 0) throw new NotFoundError()
      if (all.length === 1) {
        const [only] = await citySnapshots(slug, [all[0].year])
        if (!only?.content) throw new NotFoundError()
        return { kind: 'one-year', city: parse(only.contentHash, only.content).city, year: only.year }
      }
      const years = all.map((row) => row.year)
      const fromYear = fromValue === undefined ? years[1] : parseYear(fromValue)
      const toYear = toValue === undefined ? years[0] : parseYear(toValue)
      if (fromYear === toYear) throw new BadRequestError('Choose two different years to compare')
      const rows = await citySnapshots(slug, [fromYear, toYear], locale)
      // Both years in one language: in English unless both were made in the one asked for.
      const inOne = rows.every((row) => row.locale === locale)
        ? rows
        : await citySnapshots(slug, [fromYear, toYear])
      const pick = (year: number) => {
        const row = inOne.find((candidate) => candidate.year === year)
        if (!row?.content) throw new NotFoundError(`There is no published ${year} profile of this city`)
        return { row, content: parse(row.contentHash, row.content) }
      }
      const from = pick(fromYear)
      const to = pick(toYear)
      const [fromKeys, toKeys] = await Promise.all([questionKeysOf(from.row), questionKeysOf(to.row)])
      const shared = fromKeys && toKeys ? sharedQuestionKeys(fromKeys, toKeys) : undefined
      return {
        kind: 'compared',
        locale: from.row.locale,
        from: from.content,
        to: to.content,
        years,
        answers: compareProfiles(from.content, to.content, shared),
        sharedQuestions: shared?.size,
      }
    },
  }
}

export type ProfilePages = ReturnType<typeof profilePages>
