import type { SessionData } from 'express-session'
import { ConnectSessionKnexStore } from 'connect-session-knex'
import type { Knex } from 'knex'
import { ServiceUnavailableError } from '../shared/errors'

type Callback<T = void> = (error?: unknown, value?: T) => void

/**
 * connect-session-knex 5.0.0 calls back with a database error and then rethrows it; express-session
 * ignores the promise its store methods return, so the rethrown error became an unhandled rejection
 * and Node ended the process (a full disk, or PostgreSQL ending a connection, took the site down).
 * This store calls the library without a callback and reports the outcome through express-session's
 * callback only: a failed read or write becomes a 503 for that request, and the next request tries
 * the database again, so the site recovers when the database does.
 */
export class SessionStore extends ConnectSessionKnexStore {
  constructor(options: { knex: Knex; tableName: string; cleanupInterval: number }) {
    super({ ...options, createTable: false })
    // The library checks once, at start, that the table exists (migrations made it). If the database
    // is down at that moment, that must neither end the process nor fail every later request: each
    // request's own query then reports what is wrong. (Expired sessions are then cleaned up from the
    // next start on.)
    this.ready = this.ready.catch(() => undefined)
  }

  override get(sid: string, callback: Callback<SessionData | null>): Promise<SessionData | null> {
    return report(super.get(sid, noCallback), callback, null)
  }

  override set(sid: string, session: SessionData, callback?: Callback): Promise<void> {
    return report(super.set(sid, session, noCallback), (error) => callback?.(error), undefined)
  }

  override touch(sid: string, session: SessionData, callback?: Callback): Promise<void> {
    return report(super.touch(sid, session, noCallback), (error) => callback?.(error), undefined)
  }

  override destroy(sid: string, callback?: Callback): Promise<number> {
    return report(super.destroy(sid, noCallback), (error) => callback?.(error), 0)
  }

  override length(callback: Callback<number | undefined>): Promise<number | undefined> {
    return report(super.length(noCallback), callback, undefined)
  }

  override clear(callback?: Callback): Promise<number> {
    return report(super.clear(noCallback), (error) => callback?.(error), 0)
  }
}

// The library calls `callback?.(…)`; an explicit no-op keeps our callback out of its try block,
// so an error thrown by the callback (the rest of the request) is never reported twice.
const noCallback = () => undefined

/** Settles the callback once, with a 503 error on failure; the returned promise never rejects. */
function report<T>(work: Promise<T>, callback: Callback<T>, fallback: T): Promise<T> {
  return work.then(
    (value) => {
      callback(null, value)
      return value
    },
    (error: unknown) => {
      callback(new ServiceUnavailableError(error))
      return fallback
    },
  )
}
