import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { ForbiddenError } from '../shared/errors'
import { safeReturnPath } from './returnPath'

/** Records a role-protected refusal in the audit log; put on `res.locals` by setUpAuthentication. */
export type RefusalRecorder = (user: Express.User, path: string, ip: string | null) => Promise<void>

/** Sends visitors who are not signed in to /login, remembering where they were going. */
export const requireSignIn: RequestHandler = (req, res, next) => {
  if (req.user) return next()
  if (req.method === 'GET' || req.method === 'HEAD') req.session.returnTo = safeReturnPath(req.originalUrl)
  res.redirect('/login')
}

/** A 403, audited (type `access_refused`, subject the path) before the error page is shown. */
function refuse(req: Request, res: Response, next: NextFunction, message?: string): void {
  const error = new ForbiddenError(message)
  const record = res.locals.recordRefusal as RefusalRecorder | undefined
  if (!record || !req.user) return next(error)
  const path = req.originalUrl.split('?')[0].slice(0, 254)
  // A failed audit write must not turn the refusal into a 500; the refusal still stands.
  record(req.user, path, req.ip ?? null).then(
    () => next(error),
    (auditError: unknown) => {
      req.log?.warn({ err: auditError }, 'could not audit a refusal')
      next(error)
    },
  )
}

/** Only administrators; everyone else gets 403 (signed out visitors go to sign in first). */
export const requireAdmin: RequestHandler = (req, res, next) => {
  if (!req.user) return requireSignIn(req, res, next)
  if (req.user.role !== 'admin') return refuse(req, res, next, 'This page is for survey administrators.')
  next()
}

/** Only officers bound to a city. */
export const requireOfficer: RequestHandler = (req, res, next) => {
  if (!req.user) return requireSignIn(req, res, next)
  if (req.user.role !== 'officer' || req.user.cityId === null)
    return refuse(req, res, next, 'This page is for city innovation officers.')
  next()
}
