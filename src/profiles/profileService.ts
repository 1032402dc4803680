import type { CitiesRepository } from '../cities/citiesRepository'
import type { Edition, EditionsRepository } from '../questionnaire/editionsRepository'
import type { JobsRepository } from '../jobs/jobsRepository'
import { jobRunner } from '../jobs/jobRunner'
import { REGENERATE_PREFIX, regenerationJobName } from '../jobs/jobCatalogue'
import type { OpenDataRepository } from './openDataRepository'
import type { ProfilesRepository } from './profilesRepository'
import type { ReleasesRepository } from './releasesRepository'
import type { ChangeDetail, EditionChange } from '../shared/editionEvents'
import { NotFoundError } from '../shared/errors'
import { openDataService } from './openDataService'
import { regenerateEdition, type RegenerationResult } from './regenerateEdition'
import { describeRegeneration, readRegeneration } from './regenerationSummary'

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
  jobs: JobsRepository
}

/** Regenerating 10 000 cities takes seconds; a wait this long means something is stuck. */
const WAIT_MS = 5 * 60_000
const silent = { info: () => undefined, warn: () => undefined }

/**
 * Regenerates editions' aggregates and profile snapshots from their stored answers: a few queries
 * per edition (a page of responses each), one render per city, one transaction to write (DESIGN §4).
 *
 * Each regeneration is a one-off job, `profiles.regenerate:YEAR`, in the `jobs` table: requests
 * made while it waits make one run, a request made during a run makes one more, and one runner at
 * a time holds it across every process (its lease freed by a runner that died). A caller asks for
 * it and then runs it here at once if nobody else holds it, waiting otherwise: so an approval
 * returns with the profiles fresh, as before. The server's own runner retries a failed one.
 */
export function profileService(
  repos: Deps,
  threshold: number,
  onWritten: () => void = () => undefined,
  onWait: () => void = () => undefined,
) {
  const openData = openDataService(repos, threshold)
  // The CLI's progress bar, by year, for a run made in this process.
  const progress = new Map<number, (done: number, total: number) => void>()

  /** The job's work: one year's aggregates and snapshots, then its release files. */
  async function regenerateYear(key: string): Promise<string> {
    const editions = await repos.editions.listWithDefinitions()
    const edition = editions.find((candidate) => String(candidate.year) === key)
    // Removed since it was asked for: nothing to regenerate.
    if (!edition) return `There is no survey year ${key} any more.`
    const definitions = new Map(editions.map((one) => [one.year, one.definition]))
    const result = await regenerateEdition(repos, edition, definitions, threshold, progress.get(edition.year))
    onWritten()
    await openData.archive(edition.id)
    return describeRegeneration(result)
  }
  const job = { prefix: REGENERATE_PREFIX, run: regenerateYear }
  const runner = jobRunner({ jobs: repos.jobs, definitions: [], families: [job], logger: silent })

  /** Asks for each edition's regeneration, then waits for each (running it here when free). */
  async function regenerate(editions: Array<Pick<Edition, 'id' | 'year'>>): Promise<RegenerationResult[]> {
    const requests: number[] = []
    for (const edition of editions) requests.push(await runner.request(regenerationJobName(edition.year)))
    const results: RegenerationResult[] = []
    for (const [index, edition] of editions.entries()) {
      const row = await runner.drain(regenerationJobName(edition.year), requests[index], {
        waitMs: WAIT_MS,
        onWait,
      })
      results.push(readRegeneration(edition, row))
    }
    // Another process may have run it: this one's pages must not serve what it read before.
    if (results.length > 0) onWritten()
    return results
  }

  return {
    /** The one-off job family, for the server's runner (retries, and runs whose runner died). */
    job,

    /** Regenerates one edition's aggregates and every profile snapshot. */
    async regenerateEdition(
      editionId: number,
      onProgress?: (done: number, total: number) => void,
    ): Promise<RegenerationResult> {
      const edition = await repos.editions.findById(editionId)
      if (!edition) throw new NotFoundError('There is no such survey year')
      if (onProgress) progress.set(edition.year, onProgress)
      try {
        return (await regenerate([edition]))[0]
      } finally {
        progress.delete(edition.year)
      }
    },

    /**
     * The edition-change listener: logs a correction when the data of a published edition changed,
     * then regenerates the edition and every later edition compared on "latest" answers (their
     * basis includes this edition).
     */
    async onEditionChanged(
      editionId: number,
      change: EditionChange,
      detail?: ChangeDetail,
    ): Promise<RegenerationResult[]> {
      const editions = await repos.editions.list()
      const changed = editions.find((edition) => edition.id === editionId)
      if (!changed) return []
      const later = editions.filter((edition) => edition.year > changed.year && edition.basis === 'latest')
      const note = correctionNotes[change]
      if (change === 'published') await repos.releases.ensureFirst(changed.id)
      else if (changed.status === 'published' && note) await repos.releases.bump(changed.id, note, detail)
      // A later year compared on "latest" answers counted the changed answers too: its data changed.
      if (note && changed.status === 'published' && answerChanges.has(change))
        for (const edition of later.filter((candidate) => candidate.status === 'published'))
          await repos.releases.bump(edition.id, `Through the ${changed.year} answers: ${note}`, detail)
      return regenerate([changed, ...later])
    },

    /** Regenerates every published edition, oldest first (after loading demo data). */
    async regeneratePublished(): Promise<RegenerationResult[]> {
      const published = (await repos.editions.list())
        .filter((edition) => edition.status === 'published')
        .reverse()
      for (const edition of published) await repos.releases.ensureFirst(edition.id)
      return regenerate(published)
    },
  }
}

export type ProfileService = ReturnType<typeof profileService>
