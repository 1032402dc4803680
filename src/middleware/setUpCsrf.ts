import express, { type Request, type Router } from 'express'
import { csrfSync } from 'csrf-sync'

/** A POST that only keeps what was typed, for after sign-in: a page of the officer's questionnaire. */
const keepablePost = /^\/survey\/\d{4}\/[^/]+\/[^/]+$/

/**
 * Synchroniser-token CSRF protection (token kept in the session, sent as `_csrf`).
 * It stays on in tests. Pages without a session get no token until they need one.
 */
export function setUpCsrf(): Router {
  const router = express.Router()
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) =>
      (req.body as Record<string, string>)._csrf ?? req.get('x-csrf-token'),
    errorConfig: {
      statusCode: 403,
      message: 'Your form could not be checked. Go back, reload the page and try again.',
      code: 'EBADCSRFTOKEN',
    },
  })
  router.use((req, res, next) => {
    // Lazily: only a page that renders a form asks for the token (and so for a session).
    // Set before the check, so the error page of a refused form can render its own forms.
    res.locals.csrfToken = () => generateToken(req)
    next()
  })
  router.use((req, res, next) =>
    csrfSynchronisedProtection(req, res, (error?: unknown) => {
      if (!error || !keptForSignIn(req)) return next(error)
      // The session behind the form is gone (row deleted, cookie lost, secret rotated), so its token
      // cannot be checked. Nothing is saved: the route keeps the input for after sign-in, where the
      // officer sees it filled in and saves it themselves.
      res.locals.unverifiedForm = true
      next()
    }),
  )
  return router
}

/**
 * A refused save is kept rather than lost when nobody is signed in on this session (there is no
 * session to forge a request for) and the browser says the form came from this site.
 */
function keptForSignIn(req: Request): boolean {
  if (req.method !== 'POST' || req.user || !keepablePost.test(req.path)) return false
  const site = req.get('sec-fetch-site')
  if (site) return site === 'same-origin'
  const origin = req.get('origin')
  return Boolean(origin) && origin === `${req.protocol}://${req.get('host')}`
}
