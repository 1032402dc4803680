import express, { type Router } from 'express'
import passport from 'passport'
import { Strategy as LocalStrategy } from 'passport-local'
import type { AuthService } from './authService'
import type { RefusalRecorder } from './guards'

/**
 * passport-local over the auth service. The session keeps the signed-in user (id, name, role,
 * city), so a request needs no user query: every change to those, and disabling an account,
 * ends the user's sessions (accountAdminService, bootstrapAdmin), which is what re-checks them.
 */
/** The user as the session keeps it: `id` first, which is how sessionsRepository finds a user's sessions. */
const toStoredUser = ({ id, email, displayName, role, cityId }: Express.User): Express.User => ({
  id,
  email,
  displayName,
  role,
  cityId,
})

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
  const recordRefusal: RefusalRecorder = (user, path, ip) => auth.recordRefusal(user, path, ip)
  router.use((req, res, next) => {
    res.locals.user = req.user
    res.locals.recordRefusal = recordRefusal
    next()
  })
  return router
}
