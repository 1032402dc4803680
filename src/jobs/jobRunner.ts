import crypto from 'node:crypto'
import os from 'node:os'
import type { JobsRepository } from './jobsRepository'
import { jobBackoffMs } from './jobCatalogue'

/** A recurring job: its name (the row in `jobs`), how often, and the work, which returns a short summary. */
export interface JobDefinition {
  name: string
  everyMs: number
  run: () => Promise<string | void>
}

interface Logger {
  info(message: string): void
  warn(message: string): void
}

export interface RunnerOptions {
  jobs: JobsRepository
  definitions: JobDefinition[]
  logger: Logger
  now?: () => Date
  /** How long a claim holds without renewal: a runner that died frees its job after this. */
  leaseMs?: number
  /** How often `start()` looks for due jobs. */
  pollMs?: number
  /** Who this runner is, for `claimed_by` (host:pid by default). */
  instance?: string
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error ?? 'unknown error')

/**
 * Runs the recurring jobs from the `jobs` table. `runDue()` claims each due job with a lease (so
 * across instances one runner runs it), runs it while renewing the lease, and records the run:
 * next run one interval after a success, or after a doubling backoff after a failure. State lives
 * in the database, so a restart carries on where the last run left off, and a job held by a runner
 * that died is run by another once its lease has run out.
 */
export function jobRunner(options: RunnerOptions) {
  const { jobs, definitions, logger, now = () => new Date(), leaseMs = 60_000, pollMs = 1_000 } = options
  const instance = options.instance ?? `${os.hostname()}:${process.pid}`
  const byName = new Map(definitions.map((d) => [d.name, d]))
  const names = [...byName.keys()]
  const iso = (ms: number) => new Date(ms).toISOString()

  async function runClaimed(definition: JobDefinition, by: string, attemptsBefore: number): Promise<void> {
    const started = now().getTime()
    // Renewing at a third of the lease keeps the claim through a slow run (a mail batch to a slow relay).
    const renew = setInterval(() => {
      jobs.renew(definition.name, by, iso(now().getTime() + leaseMs)).catch(() => undefined)
    }, leaseMs / 3)
    renew.unref()
    let result: string | null = null
    let error: string | null = null
    try {
      result = (await definition.run()) ?? null
    } catch (failure) {
      error = describe(failure)
    } finally {
      clearInterval(renew)
    }
    const finished = now().getTime()
    const attempts = error === null ? 0 : attemptsBefore + 1
    const wait = error === null ? definition.everyMs : jobBackoffMs(attempts, definition.everyMs)
    if (error !== null) logger.warn(`job ${definition.name} failed (attempt ${attempts}): ${error}`)
    await jobs.finish(definition.name, by, {
      startedAt: iso(started),
      finishedAt: iso(finished),
      durationMs: finished - started,
      ok: error === null,
      result,
      error,
      nextRunAt: iso(finished + wait),
      attempts,
    })
  }

  /** Runs every job due now, one at a time; returns the names run. */
  async function runDue(): Promise<string[]> {
    const ran: string[] = []
    for (;;) {
      const at = now().getTime()
      const by = `${instance}:${crypto.randomUUID()}`
      const job = await jobs.claimDue(names, by, iso(at), iso(at + leaseMs))
      if (!job) return ran
      await runClaimed(byName.get(job.name)!, by, job.attempts)
      ran.push(job.name)
    }
  }

  /** Registers the jobs, then looks for due ones every `pollMs`; returns a stop that waits for the run in progress. */
  function start(): () => Promise<void> {
    let stopped = false
    let timer: NodeJS.Timeout | undefined
    let running: Promise<void> = Promise.resolve()
    const tick = () => {
      running = runDue()
        .then(() => undefined)
        .catch((error: unknown) => logger.warn(`job runner: ${describe(error)}`))
        .finally(() => {
          if (!stopped) timer = setTimeout(tick, pollMs)
        })
    }
    running = jobs
      .ensure(definitions, iso(now().getTime()))
      .catch((error: unknown) => logger.warn(`job runner: ${describe(error)}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, 0)
      })
    return async () => {
      stopped = true
      clearTimeout(timer)
      await running
    }
  }

  return { runDue, start, ensure: () => jobs.ensure(definitions, iso(now().getTime())) }
}

export type JobRunner = ReturnType<typeof jobRunner>
