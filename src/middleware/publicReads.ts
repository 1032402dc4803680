import type { Request, RequestHandler } from 'express'

const publicPaths =
  /^\/(?:$|cities(?:\/|$)|results(?:\/|$)|open-data(?:\/|$)|privacy$|accessibility$|contact$|healthz$)/

/**
 * A visitor without a session reading a public page needs no session, sign-in or CSRF work:
 * skipping it keeps the most-read pages (profiles, results) close to static-file speed.
 */
export const isAnonymousPublicRead = (req: Request): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  publicPaths.test(req.path) &&
  !req.headers.cookie?.includes('cis.sid=')

/** Runs `middleware` for every request except anonymous public reads. */
export const exceptAnonymousPublicReads =
  (middleware: RequestHandler): RequestHandler =>
  (req, res, next) =>
    isAnonymousPublicRead(req) ? next() : middleware(req, res, next)
