import express, { type Router } from 'express'
import { csrfSync } from 'csrf-sync'

/**
 * Synchroniser-token CSRF protection (token kept in the session, sent as `_csrf`).
 * It stays on in tests. Pages without a session get no token until they need one.
 */
export function setUpCsrf(): Router {
  const router = express.Router()
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromRequest: (req) =>
      (req.body as Record<string, string> | undefined)?._csrf ?? req.get('x-csrf-token'),
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
  router.use(csrfSynchronisedProtection)
  return router
}
