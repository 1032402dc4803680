import type { AuditRepository } from '../accounts/auditRepository'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import { NotFoundError } from '../shared/errors'
import type { FieldError } from '../shared/errors'
import {
  editionIdentityFields,
  identityFields,
  identityVersion,
  withOverrides,
  type Identity,
  type IdentitySource,
} from '../shared/identity'
import type { IdentityRepository, StoredIdentity } from './identityRepository'
import { parseIdentityInput } from './identityForm'

interface Deps {
  identity: IdentityRepository
  editions: Pick<EditionsRepository, 'findByYear' | 'list'>
  audit: Pick<AuditRepository, 'record'>
}

interface Loaded extends StoredIdentity {
  /** The site's identity: the environment's with the settings page's values over it. */
  current: Identity
  /** Changes when any setting (the site's or a year's) changes. */
  version: string
}

/**
 * The survey's identity: the environment's (`configured`) with the settings pages' values over it.
 * Read from the database at most every `maxAgeMs` (so every instance follows a change within that
 * time) and at once after a change made here.
 */
export function identityService(deps: Deps, configured: Identity, maxAgeMs = 5000) {
  let loaded: Promise<Loaded> | undefined
  let loadedAt = 0

  async function load(): Promise<Loaded> {
    const stored = await deps.identity.load()
    const current = withOverrides(configured, stored.site)
    // Every year's own identity counts too: a change to one year's settings changes its pages.
    const years = [...stored.years].sort(([a], [b]) => a - b)
    const version = [
      identityVersion(current),
      ...years.map(([year, own]) => `${year}:${identityVersion(withOverrides(current, own))}`),
    ].join('|')
    return { ...stored, current, version }
  }

  /** What serves while the database refuses a read: the last identity read, else the environment's. */
  let lastGood: Loaded = {
    site: {},
    years: new Map(),
    current: configured,
    version: identityVersion(configured),
  }

  /** What `loaded` resolved to, while it is the read in use (a read under way or a change forgets it). */
  let settled: Loaded | undefined

  function state(): Promise<Loaded> {
    const now = Date.now()
    if (!loaded || now - loadedAt > maxAgeMs) {
      loadedAt = now
      settled = undefined
      const next: Promise<Loaded> = load().then(
        (fresh) => {
          if (loaded === next) settled = fresh
          return (lastGood = fresh)
        },
        () => {
          // A failed read is not kept (the next request reads again), and no page fails for it.
          if (loaded === next) loaded = undefined
          return lastGood
        },
      )
      loaded = next
    }
    return loaded
  }

  const forget = () => {
    loaded = undefined
    settled = undefined
  }

  const source = {
    current: async () => (await state()).current,
    forYear: async (year) => {
      const { current, years } = await state()
      const own = years.get(year)
      return own ? withOverrides(current, own) : current
    },
    version: async () => (await state()).version,
    // Every request asks (identityLocals): most are answered without a promise.
    known: () => (settled && Date.now() - loadedAt <= maxAgeMs ? settled : undefined),
  } satisfies IdentitySource

  async function editionOf(year: number) {
    const edition = await deps.editions.findByYear(year)
    if (!edition) throw new NotFoundError(`There is no survey year ${year}`)
    return edition
  }

  return {
    ...source,

    /** The settings page: what is set here, what applies without it, and each year that sets its own. */
    async settings() {
      const { site, years } = await state()
      const editions = await deps.editions.list()
      return {
        values: site,
        configured,
        years: editions.map((edition) => ({ year: edition.year, own: years.get(edition.year) ?? {} })),
      }
    },

    /** Saves the site's settings, or answers what is wrong with them (nothing saved). */
    async saveSite(input: Record<string, unknown>, actorId: number): Promise<{ errors: FieldError[] }> {
      const { values, errors } = parseIdentityInput(input, identityFields)
      if (errors.length) return { errors }
      await deps.identity.saveSite(values, actorId)
      await deps.audit.record({ actorId, type: 'identity.updated', subject: 'site', detail: values })
      forget()
      return { errors: [] }
    },

    /** One survey year's settings: its own values and what it takes from the site. */
    async editionSettings(year: number) {
      await editionOf(year)
      const { current, years } = await state()
      return { year, values: years.get(year) ?? {}, site: current }
    },

    /** Saves one survey year's settings (all blank: the year takes the site's). */
    async saveEdition(
      year: number,
      input: Record<string, unknown>,
      actorId: number,
    ): Promise<{ errors: FieldError[] }> {
      const edition = await editionOf(year)
      const { values, errors } = parseIdentityInput(input, editionIdentityFields)
      if (errors.length) return { errors }
      await deps.identity.saveEdition(edition.id, values, actorId)
      await deps.audit.record({
        actorId,
        type: 'identity.updated',
        subject: `edition:${year}`,
        detail: values,
      })
      forget()
      return { errors: [] }
    },
  }
}

export type IdentityService = ReturnType<typeof identityService>
