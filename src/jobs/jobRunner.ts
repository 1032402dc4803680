import crypto from 'node:crypto'
import os from 'node:os'
import type { JobRow, JobsRepository } from './jobsRepository'
import { jobBackoffMs } from './jobCatalogue'

/** A recurring job: its name (the row in `jobs`), how often, and the work, which returns a short summary. */
export interface JobDefinition {
  name: string
  everyMs: number
  run: () => Promise<string | void>
}

/**
 * One-off jobs of one kind, named `prefix` + key (`profiles.regenerate:` + `2020`): each runs when
 * requested (`JobsRepository.request`), many requests while it waits making one run.
 */
export interface JobFamily {
  prefix: string
  run: (key: string) => Promise<string | void>
}

/** The run that covered a request failed; it is retried after its backoff. */
export class JobFailedError extends Error {}

interface Logger {
  info(message: string): void
  warn(message: string): void
}

export interface RunnerOptions {
  jobs: JobsRepository
  definitions: JobDefinition[]
  /** One-off jobs this runner also runs when they are pending (a retry, or one whose runner died). */
  families?: JobFamily[]
  logger: Logger
  now?: () => Date
  /** How long a claim holds without renewal: a runner that died frees its job after this. */
  leaseMs?: number
  /** How often `start()` looks for due jobs. */
  pollMs?: number
  /** Who this runner is, for `claimed_by` (host:pid by default). */
  instance?: string
}

/** How often a drain looks again at a job another runner holds. */
const WAIT_POLL_MS = 50

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
  const families = options.families ?? []
  const byName = new Map(definitions.map((d) => [d.name, d]))
  const names = [...byName.keys()]
  const pendingPrefixes = families.map((family) => family.prefix)
  const iso = (ms: number) => new Date(ms).toISOString()
  /** Runs of this runner under way, by job name: a drain here waits on them rather than polling. */
  const inFlight = new Map<string, Promise<void>>()

  /** The recurring definition, or a one-off family's run bound to the key (every 0: due when requested). */
  function definitionOf(name: string): JobDefinition {
    const recurring = byName.get(name)
    if (recurring) return recurring
    const family = families.find((candidate) => name.startsWith(candidate.prefix))
    if (!family) throw new Error(`This runner has no job "${name}"`)
    return { name, everyMs: 0, run: () => family.run(name.slice(family.prefix.length)) }
  }

  async function runClaimed(job: JobRow, by: string): Promise<void> {
    const run = runDefinition(definitionOf(job.name), by, job.attempts)
    inFlight.set(job.name, run)
    try {
      await run
    } finally {
      inFlight.delete(job.name)
    }
  }

  async function runDefinition(definition: JobDefinition, by: string, attemptsBefore: number): Promise<void> {
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
      const job = await jobs.claimDue({ names, pendingPrefixes }, by, iso(at), iso(at + leaseMs))
      if (!job) return ran
      await runClaimed(job, by)
      ran.push(job.name)
    }
  }

  /** Runs the one-off job `name` here if it is pending, due and free; true when it ran. */
  async function runPending(name: string): Promise<boolean> {
    const at = now().getTime()
    const by = `${instance}:${crypto.randomUUID()}`
    const job = await jobs.claimDue({ pendingNames: [name] }, by, iso(at), iso(at + leaseMs))
    if (job) await runClaimed(job, by)
    return Boolean(job)
  }

  /**
   * Waits until the one-off job `name` has done request number `request`, running it here when
   * it is free (so a request is served at once in the process that made it) and waiting while a
   * run elsewhere holds it (or one that died, until its lease runs out). Throws a JobFailedError
   * when the run that covered the request failed (it is retried after its backoff), and gives up
   * after `waitMs`.
   */
  async function drain(
    name: string,
    request: number,
    { waitMs = 5 * 60_000, onWait }: { waitMs?: number; onWait?: () => void } = {},
  ): Promise<JobRow> {
    const deadline = Date.now() + waitMs
    let told = false
    for (;;) {
      // A run of this runner under way is awaited (its failure is read from the row below).
      const running = inFlight.get(name)
      if (running) await running.catch(() => undefined)
      const ranHere = running ? true : await runPending(name)
      const row = await jobs.find(name)
      if (!row) throw new Error(`There is no job "${name}"`)
      if (row.requestsDone >= request) return row
      const at = iso(now().getTime())
      const held = row.lockedUntil !== null && row.lockedUntil > at
      if (!held && row.lastOutcome === 'failed' && row.nextRunAt > at)
        throw new JobFailedError(`${name} failed: ${row.lastError ?? 'unknown error'} (it will be retried)`)
      if (ranHere) continue
      if (Date.now() > deadline)
        throw new JobFailedError(`${name} has been running elsewhere for over ${Math.round(waitMs / 1000)} s`)
      if (held && !told) onWait?.()
      told ||= held
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS))
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

  return {
    runDue,
    start,
    drain,
    /** Asks for the one-off job `name`; returns the request's number, for `drain`. */
    request: (name: string) => jobs.request(name, iso(now().getTime())),
    ensure: () => jobs.ensure(definitions, iso(now().getTime())),
  }
}

export type JobRunner = ReturnType<typeof jobRunner>
