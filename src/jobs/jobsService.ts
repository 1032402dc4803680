import type { AuditRepository } from '../accounts/auditRepository'
import { nowIso } from '../shared/clock'
import { NotFoundError } from '../shared/errors'
import {
  describeEvery,
  isJobName,
  jobCatalogue,
  jobNames,
  REGENERATE_PREFIX,
  regenerationJob,
} from './jobCatalogue'
import type { JobRow, JobsRepository } from './jobsRepository'

interface Deps {
  jobs: JobsRepository
  audit: AuditRepository
}

const runningNow = (row: JobRow | undefined, now: string) =>
  Boolean(row?.lockedUntil && row.lockedUntil > now)
const hostOf = (row: JobRow | undefined) => row?.claimedBy?.split(':').slice(0, 2).join(':') ?? null

/** /admin/jobs: every recurring job with its schedule and its last run, the one-off ones, and "run now". */
export function jobsService(deps: Deps) {
  return {
    async list(now: string = nowIso()) {
      const rows = new Map((await deps.jobs.list()).map((row) => [row.name, row]))
      const recurring = jobNames.map((name) => {
        const row = rows.get(name)
        const running = runningNow(row, now)
        return {
          name,
          ...jobCatalogue[name],
          schedule: describeEvery(row?.everyMs ?? jobCatalogue[name].everyMs),
          running,
          runningOn: running ? hostOf(row) : null,
          oneOff: false,
          pending: false,
          row,
        }
      })
      const oneOff = (await deps.jobs.listOneOff(REGENERATE_PREFIX)).map((row) => {
        const running = runningNow(row, now)
        return {
          name: row.name,
          label: regenerationJob.label(row.name.slice(REGENERATE_PREFIX.length)),
          what: regenerationJob.what,
          schedule: regenerationJob.schedule,
          running,
          runningOn: running ? hostOf(row) : null,
          oneOff: true,
          // Asked for and not yet done (waiting, running, or retrying after a failure).
          pending: row.requests > row.requestsDone,
          row,
        }
      })
      return [...recurring, ...oneOff]
    },

    /** Makes a job due at once (a runner picks it up within a second or two); audited. */
    async runNow(name: string, actor: { id: number; ip: string | null }): Promise<string> {
      const label = await runSoon(deps.jobs, name)
      await deps.audit.record({
        actorId: actor.id,
        ip: actor.ip,
        type: 'job_run_now',
        subject: `job:${name}`,
      })
      return label
    },
  }
}

/** A recurring job is made due; a one-off one gets a request (one that exists: no new years by URL). */
async function runSoon(jobs: JobsRepository, name: string): Promise<string> {
  if (name.startsWith(REGENERATE_PREFIX) && (await jobs.find(name))) {
    await jobs.request(name, nowIso())
    return regenerationJob.label(name.slice(REGENERATE_PREFIX.length))
  }
  if (!isJobName(name) || !(await jobs.runNow(name, nowIso())))
    throw new NotFoundError('There is no such job (a job appears once the server has started it)')
  return jobCatalogue[name].label
}

export type JobsService = ReturnType<typeof jobsService>
