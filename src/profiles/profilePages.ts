import type { Repositories } from '../dataAccess'
import { BadRequestError, NotFoundError } from '../shared/errors'
import { compareProfiles, type ComparedAnswer } from './compareProfiles'
import { LruCache } from './lruCache'
import type { ProfileContent } from './profileContent'

export interface CityPage {
  contentHash: string
  generatedAt: string
  /** Published years of this city's profile, newest first (the year switcher). */
  years: number[]
  profile: () => ProfileContent
}

export interface ComparePage {
  from: ProfileContent
  to: ProfileContent
  years: number[]
  answers: ComparedAnswer[]
}

const parseYear = (value: unknown): number => {
  const year = Number(value)
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw new BadRequestError('Choose a survey year, like 2020')
  return year
}

/**
 * The read side of profiles: pages render stored snapshots only (no aggregation per request).
 * Parsed snapshots are cached by content hash, so an unchanged profile is parsed once.
 */
export function profilePages(repos: Pick<Repositories, 'profiles'>) {
  const parsed = new LruCache<string, ProfileContent>(400)
  const parse = (hash: string, content: string) => parsed.getOrSet(hash, () => JSON.parse(content) as ProfileContent)

  return {
    /** A city's profile of one published year: one query. */
    async cityPage(slug: string, year: number): Promise<CityPage> {
      const rows = await repos.profiles.citySnapshots(slug, [year])
      const row = rows.find((candidate) => candidate.year === year)
      if (!row || row.content === null) throw new NotFoundError()
      const content = row.content
      return { contentHash: row.contentHash, generatedAt: row.generatedAt, years: rows.map((r) => r.year), profile: () => parse(row.contentHash, content) }
    },

    /** The newest published year of a city's profile. */
    async latestYear(slug: string): Promise<number> {
      const [latest] = await repos.profiles.citySnapshots(slug, [])
      if (!latest) throw new NotFoundError()
      return latest.year
    },

    /** Two published years of one city side by side, with what changed. */
    async compare(slug: string, fromValue: unknown, toValue: unknown): Promise<ComparePage> {
      const all = await repos.profiles.citySnapshots(slug, [])
      if (all.length === 0) throw new NotFoundError()
      const years = all.map((row) => row.year)
      const fromYear = fromValue === undefined ? (years[1] ?? years[0]) : parseYear(fromValue)
      const toYear = toValue === undefined ? years[0] : parseYear(toValue)
      const rows = await repos.profiles.citySnapshots(slug, [fromYear, toYear])
      const pick = (year: number) => {
        const row = rows.find((candidate) => candidate.year === year)
        if (!row?.content) throw new NotFoundError(`There is no published ${year} profile of this city`)
        return parse(row.contentHash, row.content)
      }
      const from = pick(fromYear)
      const to = pick(toYear)
      return { from, to, years, answers: compareProfiles(from, to) }
    },
  }
}

export type ProfilePages = ReturnType<typeof profilePages>
