import type { Knex } from 'knex'
import { isPostgres } from '../db/dialect'

export interface JobRow {
  name: string
  everyMs: number
  nextRunAt: string
  claimedBy: string | null
  lockedUntil: string | null
  attempts: number
  lastStartedAt: string | null
  lastFinishedAt: string | null
  lastDurationMs: number | null
  lastOutcome: 'ok' | 'failed' | null
  lastResult: string | null
  lastError: string | null
  /** One-off jobs: requests made, and how many of them a successful run has covered. */
  requests: number
  requestsDone: number
}

/**
 * Which jobs a runner may claim: recurring ones by name, and one-off ones (pending requests) by
 * exact name or by the prefix of their family (`profiles.regenerate:`).
 */
export interface ClaimFilter {
  names?: string[]
  pendingNames?: string[]
  pendingPrefixes?: string[]
}

/** How a run ended, written by the runner that holds the claim. */
export interface RunOutcome {
  startedAt: string
  finishedAt: string
  durationMs: number
  ok: boolean
  result: string | null
  error: string | null
  nextRunAt: string
  attempts: number
}

const toJob = (row: Record<string, unknown>): JobRow => ({
  name: String(row.name),
  everyMs: Number(row.every_ms),
  nextRunAt: String(row.next_run_at),
  claimedBy: (row.claimed_by as string | null) ?? null,
  lockedUntil: (row.locked_until as string | null) ?? null,
  attempts: Number(row.attempts),
  lastStartedAt: (row.last_started_at as string | null) ?? null,
  lastFinishedAt: (row.last_finished_at as string | null) ?? null,
  lastDurationMs: row.last_duration_ms === null ? null : Number(row.last_duration_ms),
  lastOutcome: (row.last_outcome as 'ok' | 'failed' | null) ?? null,
  lastResult: (row.last_result as string | null) ?? null,
  lastError: (row.last_error as string | null) ?? null,
  requests: Number(row.requests ?? 0),
  requestsDone: Number(row.requests_done ?? 0),
})

/** The `jobs` table: one row per recurring job, claimed with a lease by one runner at a time. */
export function jobsRepository(knex: Knex) {
  const due = (now: string) => (q: Knex.QueryBuilder) =>
    q
      .where('next_run_at', '<=', now)
      .where((lease) => lease.whereNull('locked_until').orWhere('locked_until', '<=', now))
  // substr rather than LIKE: the same on both databases, and no wildcard to escape.
  const startsWith = (prefix: string) => knex.raw('substr(name, 1, ?) = ?', [prefix.length, prefix])
  const mine = (name: string, by: string) => knex('jobs').where({ name, claimed_by: by })

  return {
    /** Adds the jobs this version knows (due at once) and keeps their schedules current. */
    async ensure(jobs: Array<{ name: string; everyMs: number }>, now: string): Promise<void> {
      for (const job of jobs) {
        await knex('jobs')
          .insert({ name: job.name, every_ms: job.everyMs, next_run_at: now, attempts: 0 })
          .onConflict('name')
          .ignore()
        await knex('jobs').where({ name: job.name }).update({ every_ms: job.everyMs })
      }
    },

    /**
     * Claims one due job the filter allows with one UPDATE, as the outbox does: PostgreSQL skips a
     * row another runner's claim has locked (FOR UPDATE SKIP LOCKED) and re-checks the outer
     * WHERE on a row that changed meanwhile; SQLite has one writer at a time, so the conditional
     * UPDATE is enough there. A one-off job notes the requests its run will cover. Returns the
     * claimed job, or undefined when none is due.
     */
    async claimDue(filter: ClaimFilter, by: string, now: string, until: string): Promise<JobRow | undefined> {
      const { names = [], pendingNames = [], pendingPrefixes = [] } = filter
      if (names.length + pendingNames.length + pendingPrefixes.length === 0) return undefined
      const allowed = (q: Knex.QueryBuilder) =>
        q.where((any) => {
          if (names.length) any.orWhereIn('name', names)
          const pending = (one: Knex.QueryBuilder) => one.where('requests', '>', knex.ref('requests_done'))
          if (pendingNames.length) any.orWhere((one) => pending(one.whereIn('name', pendingNames)))
          for (const prefix of pendingPrefixes) any.orWhere((one) => pending(one.where(startsWith(prefix))))
        })
      const pick = knex('jobs')
        .select('name')
        .modify(allowed)
        .modify(due(now))
        .orderBy('next_run_at')
        .limit(1)
      if (isPostgres(knex)) pick.forUpdate().skipLocked()
      const claimed = await knex('jobs')
        .with('due', pick)
        .whereIn('name', knex('due').select('name'))
        .modify(allowed)
        .modify(due(now))
        .update({
          claimed_by: by,
          locked_until: until,
          last_started_at: now,
          requests_claimed: knex.ref('requests'),
        })
      if (claimed === 0) return undefined
      const row = await knex('jobs').where({ claimed_by: by }).first()
      return row && toJob(row)
    },

    /**
     * Asks for a one-off job (`profiles.regenerate:2020`): adds it, or adds a request to it and
     * makes it due at once unless a run holds it (that run's end makes it due again). Returns the
     * request's number: the job has done it once `requestsDone` reaches that.
     */
    async request(name: string, now: string): Promise<number> {
      await knex('jobs')
        .insert({ name, every_ms: 0, next_run_at: now, attempts: 0, requests: 0, requests_done: 0 })
        .onConflict('name')
        .ignore()
      const [row] = await knex('jobs')
        .where({ name })
        .update({
          requests: knex.raw('requests + 1'),
          next_run_at: knex.raw('CASE WHEN claimed_by IS NULL THEN ? ELSE next_run_at END', [now]),
        })
        .returning('requests')
      return Number((row as { requests: number }).requests)
    },

    /** Keeps a running job's lease; false when the claim was lost (the lease ran out and another took it). */
    async renew(name: string, by: string, until: string): Promise<boolean> {
      return (await mine(name, by).update({ locked_until: until })) > 0
    },

    /** Records a run and frees the job; only the claim's holder may. */
    async finish(name: string, by: string, outcome: RunOutcome): Promise<void> {
      await mine(name, by).update({
        claimed_by: null,
        locked_until: null,
        next_run_at: outcome.nextRunAt,
        attempts: outcome.attempts,
        last_started_at: outcome.startedAt,
        last_finished_at: outcome.finishedAt,
        last_duration_ms: outcome.durationMs,
        last_outcome: outcome.ok ? 'ok' : 'failed',
        last_result: outcome.result?.slice(0, 2000) ?? null,
        last_error: outcome.error?.slice(0, 2000) ?? null,
        // A successful run has done the requests it saw when it claimed the job.
        requests_done: outcome.ok
          ? knex.raw('CASE WHEN requests_claimed IS NULL THEN requests_done ELSE requests_claimed END')
          : knex.ref('requests_done'),
        requests_claimed: null,
      })
    },

    /** "Run now": due at once (a run in progress is not interrupted; it runs again after). */
    async runNow(name: string, now: string): Promise<boolean> {
      return (await knex('jobs').where({ name }).update({ next_run_at: now })) > 0
    },

    async find(name: string): Promise<JobRow | undefined> {
      const row = await knex('jobs').where({ name }).first()
      return row && toJob(row)
    },

    /** One-off jobs whose names start with `prefix`, by name. */
    async listOneOff(prefix: string): Promise<JobRow[]> {
      return (await knex('jobs').where(startsWith(prefix)).orderBy('name')).map(toJob)
    },

    async list(): Promise<JobRow[]> {
      return (await knex('jobs').orderBy('name')).map(toJob)
    },
  }
}

export type JobsRepository = ReturnType<typeof jobsRepository>
