import type { JobRow } from '../jobs/jobsRepository'
import type { Edition } from '../questionnaire/editionsRepository'
import type { RegenerationResult } from './regenerateEdition'

/** What a regeneration job records as its result, shown on /admin/jobs. */
export const describeRegeneration = (result: RegenerationResult): string =>
  `${result.profiles} profiles compared with ${result.basisSize} cities in ${result.milliseconds} ms`

const pattern = /^(\d+) profiles compared with (\d+) cities in (\d+) ms$/

/**
 * The regeneration a job run recorded, read back from its row: the run that served a request may
 * have been another process's, so the figures come from the database, not from this process.
 */
export function readRegeneration(edition: Pick<Edition, 'id' | 'year'>, row: JobRow): RegenerationResult {
  const [, profiles = '0', basisSize = '0', milliseconds = String(row.lastDurationMs ?? 0)] =
    pattern.exec(row.lastResult ?? '') ?? []
  return {
    editionId: edition.id,
    year: edition.year,
    profiles: Number(profiles),
    basisSize: Number(basisSize),
    milliseconds: Number(milliseconds),
  }
}
