import { z } from 'zod'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import { NotFoundError } from '../shared/errors'
import { answersFromRows } from './answersOf'
import { completeness } from './completeness'
import type { ProgressRepository, ProgressRow } from './progressRepository'
import type { ExtensionsRepository } from './extensionsRepository'
import type { RemindersRepository } from '../reminders/remindersRepository'
import { adminPaths } from '../web/adminPaths'

export const PAGE_SIZE = 50
export const progressStatuses = [
  'never_signed_in',
  'not_started',
  'in_progress',
  'submitted',
  'returned',
  'approved',
] as const
const sortKeys = ['city', 'region', 'status', 'percent', 'activity'] as const
export type SortKey = (typeof sortKeys)[number]

/** Filters and sorting come from GET links, so a bad value falls back instead of failing. */
export const progressQuerySchema = z.object({
  status: z.enum(progressStatuses).optional().catch(undefined),
  region: z
    .string()
    .trim()
    .max(60)
    .optional()
    .catch(undefined)
    .transform((r) => r || undefined),
  sort: z.enum(sortKeys).default('city').catch('city'),
  dir: z.enum(['asc', 'desc']).default('asc').catch('asc'),
  page: z.coerce.number().int().min(1).default(1).catch(1),
})
export type ProgressQuery = z.infer<typeof progressQuerySchema>

export interface ProgressEntry extends ProgressRow {
  percent: number
  answered: number
  required: number
  /** The city's own later deadline (UTC ISO), if it has an extension. */
  extendedUntil: string | null
  /** The deadline that holds for the city: its extension, else the survey year's. */
  deadline: string | null
  lastReminderAt: string | null
  /** Not submitted yet: a reminder can be sent from the page. */
  canRemind: boolean
}

/** Statuses of cities that still have to submit (a returned response has had its own message). */
const remindable = new Set(['never_signed_in', 'not_started', 'in_progress'])

const compareBy: Record<SortKey, (a: ProgressEntry, b: ProgressEntry) => number> = {
  city: (a, b) => a.cityName.localeCompare(b.cityName),
  region: (a, b) => a.region.localeCompare(b.region) || a.cityName.localeCompare(b.cityName),
  status: (a, b) =>
    progressStatuses.indexOf(a.status as never) - progressStatuses.indexOf(b.status as never) ||
    a.cityName.localeCompare(b.cityName),
  percent: (a, b) => a.percent - b.percent || a.cityName.localeCompare(b.cityName),
  activity: (a, b) =>
    (a.lastActivityAt ?? '').localeCompare(b.lastActivityAt ?? '') || a.cityName.localeCompare(b.cityName),
}

interface Deps {
  editions: EditionsRepository
  progress: ProgressRepository
  extensions: ExtensionsRepository
  reminders: Pick<RemindersRepository, 'sent'>
}

export function progressService(deps: Deps) {
  return {
    /**
     * The progress dashboard of an edition: every invited or answering city with its status,
     * share of required visible questions answered and last activity, filtered, sorted, paged.
     */
    async dashboard(year: number, query: ProgressQuery) {
      const edition = await deps.editions.findByYear(year)
      if (!edition) throw new NotFoundError('There is no survey year ' + year)
      const all = [
        ...(await deps.progress.responses(edition.id, query.region)),
        ...(await deps.progress.notStarted(edition.id, query.region)),
      ]
      const counts = Object.fromEntries(
        progressStatuses.map((s) => [s, all.filter((r) => r.status === s).length]),
      ) as Record<string, number>
      const filtered = query.status ? all.filter((r) => r.status === query.status) : all
      const answers = await deps.progress.answerKeysOf(
        filtered.flatMap((r) => (r.responseId ? [r.responseId] : [])),
      )
      const extended = new Map((await deps.extensions.list(edition.id)).map((x) => [x.cityId, x.closesAt]))
      const reminded = new Map((await deps.reminders.sent(edition.id)).map((r) => [r.cityId, r.sentAt]))
      const entries: ProgressEntry[] = filtered.map((row) => {
        const rows = row.responseId ? (answers.get(row.responseId) ?? []) : []
        return {
          ...row,
          ...completeness(edition.definition, answersFromRows(edition.definition, rows)),
          extendedUntil: extended.get(row.cityId) ?? null,
          deadline: extended.get(row.cityId) ?? edition.closesAt,
          lastReminderAt: reminded.get(row.cityId) ?? null,
          canRemind: remindable.has(row.status),
        }
      })
      const sign = query.dir === 'desc' ? -1 : 1
      entries.sort((a, b) => sign * compareBy[query.sort](a, b))
      const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE))
      const page = Math.min(query.page, pages)
      return {
        edition,
        counts,
        total: all.length,
        matching: entries.length,
        all: entries,
        rows: entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        page,
        pages,
        regions: await deps.progress.regions(),
        query: { ...query, page },
      }
    },
  }
}

export type ProgressService = ReturnType<typeof progressService>

/** Words for a progress status ("Never signed in"). */
export const progressStatusLabel = (status: string): string =>
  status.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase())

/** A link to the dashboard with some of the current filters, sort or page replaced. */
export function progressHref(year: number, query: ProgressQuery, overrides: Partial<ProgressQuery>): string {
  const merged = { ...query, ...overrides }
  const params = new URLSearchParams()
  for (const key of ['status', 'region', 'sort', 'dir', 'page'] as const) {
    const value = merged[key]
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value))
  }
  const search = params.toString()
  return `${adminPaths.progress(year)}${search ? `?${search}` : ''}`
}
