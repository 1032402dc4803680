import type { Request } from 'express'

/**
 * The public site, in one place: the paths anyone reads (app.ts mounts the public routes under
 * them), which anonymous reads skip the session, sign-in and CSRF work (publicReads), and the
 * profile page whose revalidation is answered before everything else (the page cache).
 */

/** Path prefixes of the public site ('/' is the home page alone). */
export const publicPrefixes = [
  '/',
  '/cities',
  '/results',
  '/open-data',
  '/privacy',
  '/accessibility',
  '/contact',
]

/** Public reads that are not pages of the site: the health check. */
const publicExactPaths = ['/healthz']

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const publicPaths = new RegExp(
  `^(?:${[
    ...publicPrefixes.map((prefix) => (prefix === '/' ? '/$' : `${escaped(prefix)}(?:/|$)`)),
    ...publicExactPaths.map((path) => `${escaped(path)}$`),
  ].join('|')})`,
)

/** A city's profile page of one year: /cities/<slug>/<year>. */
export const cityProfilePath = /^\/cities\/([^/]+)\/(\d{4})$/

/** A page of the public site (read by anyone, signed in or not). */
export const isPublicPage = (req: Request): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') && publicPaths.test(req.path) && req.path !== '/healthz'

/**
 * A visitor without a session reading a public page needs no session, sign-in or CSRF work:
 * skipping it keeps the most-read pages (profiles, results) close to static-file speed.
 */
export const isAnonymousPublicRead = (req: Request): boolean =>
  (req.method === 'GET' || req.method === 'HEAD') &&
  publicPaths.test(req.path) &&
  !req.headers.cookie?.includes('cis.sid=')
