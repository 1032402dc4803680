import express, { type Router } from 'express'
import passport from 'passport'
import { rateLimit } from 'express-rate-limit'
import { z } from 'zod'
import { SIGN_IN_MESSAGES } from './authService'
import { homeFor, safeReturnPath } from './returnPath'
import type { Config } from '../config'
import type { RateLimitStores } from '../rateLimit/rateLimitStores'
import { translatorOf } from '../i18n/catalogues'

// Each message is a key of the catalogues (src/i18n/locales), shown in the reader's language.
const credentialsSchema = z.object({
  email: z
    .string({ error: 'signIn.errors.emailMissing' })
    .trim()
    .min(1, 'signIn.errors.emailMissing')
    .max(254, 'signIn.errors.emailTooLong')
    .email('signIn.errors.emailFormat'),
  password: z
    .string({ error: 'signIn.errors.passwordMissing' })
    .min(1, 'signIn.errors.passwordMissing')
    .max(200, 'signIn.errors.passwordTooLong'),
})

/** Sign-in and sign-out. The session id is regenerated at sign-in (passport's req.login). */
export function loginRoutes(config: Config, rateLimits: RateLimitStores): Router {
  const router = express.Router()
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: config.login.ratePerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Counted where every app process counts (the database or Redis), so two instances allow no more.
    store: rateLimits.storeFor('login'),
    // Should the store fail, the attempt goes on: the per-account lockout still holds.
    passOnStoreError: true,
    handler: (req, res) =>
      res.status(429).render('accounts/login', {
        title: translatorOf(res.locals)('signIn.title'),
        values: { email: req.body.email ?? '' },
        errors: [{ href: '#email', text: translatorOf(res.locals)('signIn.errors.tooManyAttempts') }],
      }),
  })

  router.get('/login', (req, res) => {
    if (req.user) return res.redirect(homeFor(req.user))
    res.render('accounts/login', {
      title: translatorOf(res.locals)('signIn.title'),
      values: {},
      errors: [],
      expired: res.locals.sessionExpired || Boolean(req.session.pendingForm),
    })
  })

  router.post('/login', limiter, (req, res, next) => {
    const parsed = credentialsSchema.safeParse(req.body)
    const t = translatorOf(res.locals)
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ href: `#${String(i.path[0])}`, text: t(i.message) }))
      return res.status(400).render('accounts/login', {
        title: t('signIn.title'),
        values: { email: req.body.email ?? '' },
        errors,
      })
    }
    const { returnTo, pendingForm } = req.session
    passport.authenticate(
      'local',
      (error: unknown, user: Express.User | false, info?: { message?: keyof typeof SIGN_IN_MESSAGES }) => {
        if (error) return next(error)
        if (!user) {
          const reason = info?.message && info.message in SIGN_IN_MESSAGES ? info.message : 'invalid'
          return res.status(401).render('accounts/login', {
            title: t('signIn.title'),
            values: { email: parsed.data.email },
            errors: [{ href: '#email', text: t(`signIn.errors.${reason}`) }],
          })
        }
        req.login(user, (loginError) => {
          if (loginError) return next(loginError)
          req.session.lastSeen = Date.now()
          // What an officer typed before their session expired survives the new session id.
          if (pendingForm) req.session.pendingForm = pendingForm
          res.redirect(safeReturnPath(returnTo) ?? homeFor(user))
        })
      },
    )(req, res, next)
  })

  router.post('/logout', (req, res, next) => {
    req.logout((error) => {
      if (error) return next(error)
      req.session.destroy((destroyError) => {
        if (destroyError) return next(destroyError)
        res.clearCookie('cis.sid').redirect('/signed-out')
      })
    })
  })
  // A page of its own (the session is gone, so there is nowhere to keep a message for the home page).
  router.get('/signed-out', (req, res) => {
    if (req.user) return res.redirect(homeFor(req.user))
    res.render('accounts/signed-out', { title: 'You have signed out' })
  })
  return router
}
