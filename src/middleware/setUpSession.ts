import express, { type Router } from 'express'
import session from 'express-session'
import type { Knex } from 'knex'
import type { Config } from '../config'
import { SessionStore } from './sessionStore'

/** Refresh the idle clock at most this often (or a twentieth of the limit), so reads do not write the session row. */
const TOUCH_EVERY_MS = 60_000
/** How often the store deletes sessions past their expiry (a day after their last write). */
const CLEANUP_EVERY_MS = 15 * 60_000

/**
 * Sessions live in the database (shared by every app process). The cookie has no
 * maxAge, so the store does not UPDATE on every request; the idle timeout is kept in
 * the session itself and refreshed at most once a minute.
 */
export function setUpSession(config: Config, knex: Knex): Router {
  const router = express.Router()
  const store = new SessionStore({ knex, tableName: 'sessions', cleanupInterval: CLEANUP_EVERY_MS })
  router.use(
    session({
      name: 'cis.sid',
      secret: config.sessionSecret,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.env === 'production' && config.trustProxy },
    }),
  )
  const idleMs = config.sessionIdleMinutes * 60_000
  router.use((req, res, next) => {
    // Runs before passport reads the session, so an idle session is ended before it signs anyone in.
    const signedIn = Boolean((req.session as { passport?: { user?: number } } | undefined)?.passport?.user)
    if (!signedIn || !req.session.lastSeen) return next()
    const idle = Date.now() - req.session.lastSeen
    if (idle > idleMs) {
      res.locals.sessionExpired = true
      // A new session signs the user out; the CSRF token is carried over so a form posted
      // from this browser still reaches its route, which keeps what was typed (issue 4).
      const csrfToken = req.session.csrfToken
      return req.session.regenerate((error) => {
        req.session.csrfToken = csrfToken
        next(error)
      })
    }
    // A fraction of the limit, so a short limit is refreshed too and a long one ends at most a minute early.
    if (idle > Math.min(TOUCH_EVERY_MS, idleMs / 20)) req.session.lastSeen = Date.now()
    next()
  })
  return router
}

export type { SessionStore }
