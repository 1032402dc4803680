import type { RequestHandler } from 'express'
import { cityProfilePath, isAnonymousPublicRead } from '../web/publicPaths'
import type { PageCache } from './pageCache'
import { requestEncoding } from '../web/contentEncoding'
import type { ProfileServices } from './profileServices'
import { publicReadLocale } from '../middleware/setUpLocale'

/**
 * Answers a visitor's revalidation of a profile (304) before security headers, body parsing
 * and the routers run: a 304 has no body for those to protect, and it is the most frequent read.
 */
export function profileRevalidation(profiles: ProfileServices, cache: PageCache): RequestHandler {
  const { pages } = profiles
  const { notModifiedVariant } = cache
  return (req, res, next) => {
    const match = cityProfilePath.exec(req.path)
    if (!match || !req.headers['if-none-match'] || !isAnonymousPublicRead(req)) return next()
    const slug = decodedSegment(match[1])
    // Malformed percent-encoding: the router answers it (400) with the full page set-up.
    if (slug === undefined) return next()
    // The reader's language, as setUpLocale will choose it: the ETag is per language.
    const locale = publicReadLocale(req)
    res.locals.locale = locale
    pages.cityPage(slug, Number(match[2]), locale).then(
      (page) => {
        if (!notModifiedVariant(req, res, requestEncoding(req), page.version, page.years.join(','))) next()
      },
      () => next(),
    )
  }
}

function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}
