import type { RequestHandler } from 'express'
import { ForbiddenError } from '../shared/errors'
import { safeReturnPath } from './returnPath'

/** Sends visitors who are not signed in to /login, remembering where they were going. */
export const requireSignIn: RequestHandler = (req, res, next) => {
  if (req.user) return next()
  if (req.method === 'GET' || req.method === 'HEAD') req.session.returnTo = safeReturnPath(req.originalUrl)
  res.redirect('/login')
}

/** Only administrators; everyone else gets 403 (signed out visitors go to sign in first). */
export const requireAdmin: RequestHandler = (req, res, next) => {
  if (!req.user) return requireSignIn(req, res, next)
  if (req.user.role !== 'admin') return next(new ForbiddenError())
  next()
}

/** Only officers bound to a city. */
export const requireOfficer: RequestHandler = (req, res, next) => {
  if (!req.user) return requireSignIn(req, res, next)
  if (req.user.role !== 'officer' || req.user.cityId === null)
    return next(new ForbiddenError('This page is for city innovation officers'))
  next()
}
