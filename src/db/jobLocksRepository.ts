import crypto from 'node:crypto'
import os from 'node:os'
import type { Knex } from 'knex'

/** A holder renews its lock this often; a lock not renewed for `LEASE_MS` is free again. */
const LEASE_MS = 30_000
const RENEW_EVERY_MS = 10_000
const POLL_EVERY_MS = 100

/** Another process held the lock for longer than the caller was willing to wait. */
export class LockBusyError extends Error {}

export interface LockOptions {
  /** How long to wait for another holder before giving up with a LockBusyError. */
  waitMs: number
  /** Called once if the lock is held elsewhere, before waiting (to say why nothing happens yet). */
  onWait?: () => void
}

/**
 * Named locks across processes, as rows of `job_locks`: taking one is an insert that only one
 * process can win (the name is the primary key). Works alike on SQLite and PostgreSQL and holds no
 * connection while the work runs (SQLite has one connection per process, which the work needs).
 */
export function jobLocksRepository(knex: Knex) {
  const table = () => knex('job_locks')

  /** One insert when the lock is free; a second query only to clear a lock whose holder died. */
  async function tryTake(name: string, holder: string): Promise<boolean> {
    const insert = () =>
      table()
        .insert({ name, holder, expires_at: Date.now() + LEASE_MS })
        .onConflict('name')
        .ignore()
        .returning('name')
    if ((await insert()).length > 0) return true
    const cleared = await table().where({ name }).andWhere('expires_at', '<', Date.now()).delete()
    return cleared > 0 && (await insert()).length > 0
  }

  return {
    /**
     * Runs `work` while holding the lock `name`, waiting while another process holds it. The lock is
     * renewed while the work runs and released after it, whether it succeeds or fails.
     */
    async withLock<T>(name: string, work: () => Promise<T>, options: LockOptions): Promise<T> {
      const holder = `${os.hostname()}:${process.pid}:${crypto.randomUUID()}`
      const deadline = Date.now() + options.waitMs
      let told = false
      while (!(await tryTake(name, holder))) {
        if (Date.now() > deadline)
          throw new LockBusyError(
            `Another process has been holding "${name}" for over ${Math.round(options.waitMs / 1000)} s; try again when it has finished`,
          )
        if (!told) options.onWait?.()
        told = true
        await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
      }
      // A failed renewal (the database briefly away) is retried at the next tick; it must not
      // become an unhandled rejection.
      const renew = setInterval(() => {
        table()
          .where({ name, holder })
          .update({ expires_at: Date.now() + LEASE_MS })
          .catch(() => undefined)
      }, RENEW_EVERY_MS)
      renew.unref()
      try {
        return await work()
      } finally {
        clearInterval(renew)
        // If this fails, the lease runs out and the lock frees itself.
        await table()
          .where({ name, holder })
          .delete()
          .catch(() => undefined)
      }
    },
  }
}

export type JobLocksRepository = ReturnType<typeof jobLocksRepository>
