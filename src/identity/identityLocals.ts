import type { RequestHandler } from 'express'
import type { IdentitySource } from '../shared/identity'

/**
 * Puts the survey's identity on every page as the `identity` view local (the one place views read
 * the survey's name, profile title and unit words from), and its version as `identityVersion`,
 * which the public pages' caches and ETags include so a changed setting shows at once.
 */
export function identityLocals(source: IdentitySource): RequestHandler {
  return (_req, res, next) => {
    const known = source.known?.()
    if (known) {
      res.locals.identity = known.current
      res.locals.identityVersion = known.version
      return next()
    }
    Promise.all([source.current(), source.version()]).then(([identity, version]) => {
      res.locals.identity = identity
      res.locals.identityVersion = version
      next()
    }, next)
  }
}
