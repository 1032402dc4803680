import type { Knex } from 'knex'
import { insertReturningId } from '../db/dialect'
import { nowIso } from '../shared/clock'
import { definitionSchema, type Definition } from './definitionSchema'

export const editionStatuses = ['draft', 'open', 'closed', 'published'] as const
export type EditionStatus = (typeof editionStatuses)[number]
/** Which cities a profile compares with: approved responses of this edition, or every city's latest approved answers up to it. */
export type ComparisonBasis = 'approved' | 'latest'

export interface Edition {
  id: number
  year: number
  title: string
  status: EditionStatus
  opensOn: string | null
  closesOn: string | null
  /** The closing time on the wall clock of `timeZone` (HH:MM). */
  closesTime: string
  timeZone: string
  /** The deadline as a UTC instant (ISO), from the closing date, time and zone; null without a date. */
  closesAt: string | null
  definition: Definition
  basis: ComparisonBasis
  copiedFromYear: number | null
  dataRelease: number
  publishedAt: string | null
  updatedAt: string
}

export type EditionSummary = Omit<Edition, 'definition'>

interface EditionRow {
  id: number
  year: number
  title: string
  status: EditionStatus
  opens_on: string | null
  closes_on: string | null
  closes_time: string
  time_zone: string
  closes_at: string | null
  definition?: string
  basis: ComparisonBasis
  copied_from_year: number | null
  data_release: number
  published_at: string | null
  updated_at: string
}

const summaryColumns = [
  'id',
  'year',
  'title',
  'status',
  'opens_on',
  'closes_on',
  'closes_time',
  'time_zone',
  'closes_at',
  'basis',
  'copied_from_year',
  'data_release',
  'published_at',
  'updated_at',
]

const toSummary = (row: EditionRow): EditionSummary => ({
  id: row.id,
  year: row.year,
  title: row.title,
  status: row.status,
  opensOn: row.opens_on,
  closesOn: row.closes_on,
  closesTime: row.closes_time,
  timeZone: row.time_zone,
  closesAt: row.closes_at,
  basis: row.basis,
  copiedFromYear: row.copied_from_year,
  dataRelease: row.data_release,
  publishedAt: row.published_at,
  updatedAt: row.updated_at,
})

/**
 * Parsed definitions by edition and last change. Every officer request needs its edition's
 * definition, and reading (~60 kB of JSON) and parsing it with zod would cost more than the
 * rest of a question page; so pages read the edition's summary and fetch and parse the
 * definition only when it changed. Frozen, because they are shared; callers that edit one
 * clone it first. Stored definitions were validated on the way in; parsing again fills
 * defaults and types them.
 */
const parsedDefinitions = new Map<string, Definition>()
const cacheKey = (row: Pick<EditionRow, 'id' | 'updated_at'>) => `${row.id}:${row.updated_at}`

function parseDefinition(row: EditionRow): Definition {
  let definition = parsedDefinitions.get(cacheKey(row))
  if (!definition) {
    definition = deepFreeze(definitionSchema.parse(JSON.parse(row.definition ?? '{}')))
    if (parsedDefinitions.size >= 100) parsedDefinitions.clear()
    parsedDefinitions.set(cacheKey(row), definition)
  }
  return definition
}

/**
 * Forgets an edition's parsed definitions: every write of a definition calls it, since two
 * changes within one millisecond share an `updated_at`.
 */
export function forgetParsedDefinitions(id: number): void {
  for (const key of parsedDefinitions.keys()) if (key.startsWith(`${id}:`)) parsedDefinitions.delete(key)
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

const toEdition = (row: EditionRow): Edition => ({ ...toSummary(row), definition: parseDefinition(row) })

export interface NewEdition {
  year: number
  title: string
  status?: EditionStatus
  definition: Definition
  basis?: ComparisonBasis
  copiedFromYear?: number | null
  opensOn?: string | null
  closesOn?: string | null
}

type EditableColumns =
  'opens_on' | 'closes_on' | 'closes_time' | 'time_zone' | 'closes_at' | 'basis' | 'title' | 'data_release'

export function editionsRepository(knex: Knex) {
  /** The edition of a summary row, its definition from the cache or read again if it changed. */
  async function withDefinition(summary: EditionRow | undefined): Promise<Edition | undefined> {
    if (!summary) return undefined
    if (parsedDefinitions.has(cacheKey(summary))) return toEdition(summary)
    const row = await knex<EditionRow>('editions').where({ id: summary.id }).first()
    return row && toEdition(row)
  }

  return {
    async list(): Promise<EditionSummary[]> {
      return ((await knex('editions').select(summaryColumns).orderBy('year', 'desc')) as EditionRow[]).map(
        toSummary,
      )
    },
    async findByYear(year: number): Promise<Edition | undefined> {
      return withDefinition(await knex('editions').first<EditionRow>(summaryColumns).where({ year }))
    },
    async findById(id: number): Promise<Edition | undefined> {
      return withDefinition(await knex('editions').first<EditionRow>(summaryColumns).where({ id }))
    },
    async listWithDefinitions(): Promise<Edition[]> {
      return (await knex<EditionRow>('editions').orderBy('year')).map(toEdition)
    },
    async create(edition: NewEdition): Promise<number> {
      const now = nowIso()
      return insertReturningId(knex, 'editions', {
        year: edition.year,
        title: edition.title,
        status: edition.status ?? 'draft',
        definition: JSON.stringify(edition.definition),
        basis: edition.basis ?? 'approved',
        copied_from_year: edition.copiedFromYear ?? null,
        opens_on: edition.opensOn ?? null,
        closes_on: edition.closesOn ?? null,
        closes_at: edition.closesOn ? `${edition.closesOn}T23:59:00.000Z` : null,
        published_at: edition.status === 'published' ? now : null,
        created_at: now,
        updated_at: now,
      })
    },
    async updateStatus(id: number, status: EditionStatus): Promise<void> {
      const now = nowIso()
      await knex('editions')
        .where({ id })
        .update({ status, updated_at: now, ...(status === 'published' ? { published_at: now } : {}) })
    },
    async updateDefinition(id: number, definition: Definition): Promise<void> {
      await knex('editions')
        .where({ id })
        .update({ definition: JSON.stringify(definition), title: definition.title, updated_at: nowIso() })
      forgetParsedDefinitions(id)
    },
    async update(id: number, fields: Partial<Pick<EditionRow, EditableColumns>>): Promise<void> {
      await knex('editions')
        .where({ id })
        .update({ ...fields, updated_at: nowIso() })
    },
    /**
     * Closes every open edition whose deadline has passed, returning their years. One conditional
     * UPDATE per edition, so two instances doing it at once close each edition once.
     */
    async closeDue(now: string): Promise<number[]> {
      const due: Array<{ id: number; year: number }> = await knex('editions')
        .where({ status: 'open' })
        .where('closes_at', '<=', now)
        .select('id', 'year')
      const closed: number[] = []
      for (const edition of due) {
        const changed = await knex('editions')
          .where({ id: edition.id, status: 'open' })
          .update({ status: 'closed', updated_at: now })
        if (changed) closed.push(edition.year)
      }
      return closed
    },
  }
}

export type EditionsRepository = ReturnType<typeof editionsRepository>
