import express, { type Router } from 'express'
import passport from 'passport'
import { Strategy as LocalStrategy } from 'passport-local'
import type { AuthService } from './authService'
import type { RefusalRecorder } from './guards'

/** passport-local over the auth service; the user is re-read (and re-checked) on every request. */
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
  passport.serializeUser((user, done) => done(null, user.id))
  passport.deserializeUser((id: number, done) => {
    auth
      .sessionUser(id)
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
