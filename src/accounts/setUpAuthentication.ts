import express, { type RequestHandler, type Router } from 'express'
import passport from 'passport'
import { Strategy as LocalStrategy } from 'passport-local'
import type { AuthService } from './authService'
import type { RefusalRecorder } from './guards'

/** The user as the session keeps it: `id` first, which is how sessionsRepository finds a user's sessions. */
const toStoredUser = ({ id, email, displayName, role, cityId, locale }: Express.User): Express.User => ({
  id,
  email,
  displayName,
  role,
  cityId,
  locale: locale ?? null,
})

/** How often a signed-in session's kept user is read again from the database. */
const RECHECK_USER_MS = 60_000

/**
 * Reads the signed-in user again at most once a minute, and signs the session out if the account
 * is gone or disabled. Disabling deletes a user's sessions, but a request of theirs that was
 * running at that moment may write its session back; this ends such a session within a minute.
 */
function recheckSessionUser(auth: AuthService): RequestHandler {
  return (req, _res, next) => {
    const session = req.session
    if (!req.user || !session || Date.now() - (session.userCheckedAt ?? 0) < RECHECK_USER_MS) return next()
    auth.sessionUser(req.user.id).then((fresh) => {
      if (!fresh) return req.logout((error) => next(error))
      session.userCheckedAt = Date.now()
      ;(session as unknown as { passport: { user: Express.User } }).passport.user = toStoredUser(fresh)
      req.user = fresh
      next()
    }, next)
  }
}

/**
 * passport-local over the auth service. The session keeps the signed-in user (id, name, role,
 * city), so a request needs no user query: every change to those, and disabling an account,
 * ends the user's sessions (accountAdminService, bootstrapAdmin), and the kept user is read
 * again once a minute.
 */
export function setUpAuthentication(auth: AuthService): Router {
  passport.use(
    new LocalStrategy({ usernameField: 'email', passReqToCallback: true }, (req, email, password, done) => {
      auth
        .signIn(email, password, req.ip ?? null)
        .then((result) =>
          result.ok ? done(null, result.user) : done(null, false, { message: result.reason }),
        )
        .catch(done)
    }),
  )
  passport.serializeUser((user, done) => done(null, toStoredUser(user)))
  passport.deserializeUser((stored: Express.User | number, done) => {
    if (typeof stored === 'object') return done(null, stored)
    // A session signed in before the user was kept in it holds only the id.
    auth
      .sessionUser(stored)
      .then((user) => done(null, user ?? false))
      .catch(done)
  })
  const router = express.Router()
  router.use(passport.session())
  router.use(recheckSessionUser(auth))
  const recordRefusal: RefusalRecorder = (user, path, ip) => auth.recordRefusal(user, path, ip)
  router.use((req, res, next) => {
    res.locals.user = req.user
    res.locals.recordRefusal = recordRefusal
    next()
  })
  return router
}
