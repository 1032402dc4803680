import type { CitiesRepository } from '../cities/citiesRepository'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import type { JobLocksRepository } from '../db/jobLocksRepository'
import type { OpenDataRepository } from './openDataRepository'
import type { ProfilesRepository } from './profilesRepository'
import type { ReleasesRepository } from './releasesRepository'
import type { ChangeDetail, EditionChange } from '../shared/editionEvents'
import { NotFoundError } from '../shared/errors'
import { openDataService } from './openDataService'
import { regenerateEdition, type RegenerationResult } from './regenerateEdition'

export type { RegenerationResult } from './regenerateEdition'

/** Why the public data changed, for the corrections log of a published edition. */
const correctionNotes: Partial<Record<EditionChange, string>> = {
  response_approved: 'A city’s response was approved and added to the data.',
  response_reopened: 'A city’s response was reopened and withdrawn from the data until it is approved again.',
  response_unapproved: 'A city’s response was withdrawn from the data.',
  answer_corrected: 'An answer was corrected.',
  definition_changed: 'The wording of the questionnaire changed.',
  basis_changed: 'The comparison basis changed, so shares were recomputed.',
}

/** Changes to the answers themselves, which later years' "latest" bases count too. */
const answerChanges = new Set<EditionChange>([
  'response_approved',
  'response_reopened',
  'response_unapproved',
  'answer_corrected',
])

type Deps = {
  editions: EditionsRepository
  cities: CitiesRepository
  profiles: ProfilesRepository
  releases: ReleasesRepository
  openData: OpenDataRepository
  locks: JobLocksRepository
}

/** The lock every process takes to regenerate (see `serial`). */
export const REGENERATION_LOCK = 'profiles-regeneration'
/** Regenerating 10 000 cities takes seconds; a wait this long means something is stuck. */
const LOCK_WAIT_MS = 5 * 60_000

/**
 * Regenerates editions' aggregates and profile snapshots from their stored answers, one
 * regeneration at a time: a few queries per edition (a page of responses each), one render per
 * city, one transaction to write (DESIGN §4).
 */
export function profileService(
  repos: Deps,
  threshold: number,
  onWritten: () => void = () => undefined,
  onWait: () => void = () => undefined,
) {
  const openData = openDataService(repos, threshold)
  // One regeneration at a time: two approvals in a row must not interleave their writes, in this
  // process (the queue) nor across processes (the lock: two app instances, or the CLI beside the
  // app, would both replace an edition's snapshots and one would fail on a duplicate key).
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(() =>
      repos.locks.withLock(REGENERATION_LOCK, work, { waitMs: LOCK_WAIT_MS, onWait }),
    )
    queue = run.catch(() => undefined)
    return run
  }

  async function regenerate(
    editionIds: number[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<RegenerationResult[]> {
    const editions = await repos.editions.listWithDefinitions()
    const definitions = new Map(editions.map((edition) => [edition.year, edition.definition]))
    const results: RegenerationResult[] = []
    for (const id of editionIds) {
      const edition = editions.find((candidate) => candidate.id === id)
      if (!edition) throw new NotFoundError('There is no such survey year')
      results.push(await regenerateEdition(repos, edition, definitions, threshold, onProgress))
      onWritten()
    }
    return results
  }

  return {
    /** Regenerates one edition's aggregates and every profile snapshot. */
    regenerateEdition: (
      editionId: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<RegenerationResult> => serial(async () => (await regenerate([editionId], onProgress))[0]),

    /**
     * The edition-change listener: regenerates the edition and every later edition compared on
     * "latest" answers (their basis includes this edition), and logs a correction when the data of
     * a published edition changed.
     */
    onEditionChanged: (
      editionId: number,
      change: EditionChange,
      detail?: ChangeDetail,
    ): Promise<RegenerationResult[]> =>
      serial(async () => {
        const editions = await repos.editions.list()
        const changed = editions.find((edition) => edition.id === editionId)
        if (!changed) return []
        const later = editions.filter((edition) => edition.year > changed.year && edition.basis === 'latest')
        const results = await regenerate([changed.id, ...later.map((edition) => edition.id)])
        const note = correctionNotes[change]
        if (change === 'published') await repos.releases.ensureFirst(changed.id)
        else if (changed.status === 'published' && note) await repos.releases.bump(changed.id, note, detail)
        // A later year compared on "latest" answers counted the changed answers too: its data changed.
        if (note && changed.status === 'published' && answerChanges.has(change))
          for (const edition of later.filter((candidate) => candidate.status === 'published'))
            await repos.releases.bump(edition.id, `Through the ${changed.year} answers: ${note}`, detail)
        for (const edition of [changed, ...later]) await openData.archive(edition.id)
        return results
      }),

    /** Regenerates every published edition, oldest first (after loading demo data). */
    regeneratePublished: (): Promise<RegenerationResult[]> =>
      serial(async () => {
        const published = (await repos.editions.list())
          .filter((edition) => edition.status === 'published')
          .reverse()
        const results = await regenerate(published.map((edition) => edition.id))
        for (const edition of published) {
          await repos.releases.ensureFirst(edition.id)
          await openData.archive(edition.id)
        }
        return results
      }),
  }
}

export type ProfileService = ReturnType<typeof profileService>
