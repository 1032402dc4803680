import type { AuditRepository } from '../accounts/auditRepository'
import { nowIso } from '../shared/clock'
import { NotFoundError } from '../shared/errors'
import { describeEvery, isJobName, jobCatalogue, jobNames } from './jobCatalogue'
import type { JobsRepository } from './jobsRepository'

interface Deps {
  jobs: JobsRepository
  audit: AuditRepository
}

/** /admin/jobs: every recurring job with its schedule and its last run, and "run now". */
export function jobsService(deps: Deps) {
  return {
    async list(now: string = nowIso()) {
      const rows = new Map((await deps.jobs.list()).map((row) => [row.name, row]))
      return jobNames.map((name) => {
        const row = rows.get(name)
        const running = Boolean(row?.lockedUntil && row.lockedUntil > now)
        return {
          name,
          ...jobCatalogue[name],
          schedule: describeEvery(row?.everyMs ?? jobCatalogue[name].everyMs),
          running,
          runningOn: running ? (row?.claimedBy?.split(':').slice(0, 2).join(':') ?? null) : null,
          row,
        }
      })
    },

    /** Makes a job due at once (a runner picks it up within a second or two); audited. */
    async runNow(name: string, actor: { id: number; ip: string | null }): Promise<string> {
      if (!isJobName(name) || !(await deps.jobs.runNow(name, nowIso())))
        throw new NotFoundError('There is no such job (a job appears once the server has started it)')
      await deps.audit.record({
        actorId: actor.id,
        ip: actor.ip,
        type: 'job_run_now',
        subject: `job:${name}`,
      })
      return jobCatalogue[name].label
    },
  }
}

export type JobsService = ReturnType<typeof jobsService>
