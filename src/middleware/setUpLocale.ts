import type { Request, RequestHandler, Response } from 'express'
import { DEFAULT_LOCALE, LOCALES, isLocale, translator, type Locale } from '../i18n/catalogues'
import { isAnonymousPublicRead, isPublicPage } from '../web/publicPaths'
import { alternateLinks, languageLinks } from '../web/languageLinks'
import { localIdentity } from '../i18n/localIdentity'
import type { Identity } from '../shared/identity'

/** The cookie that remembers a visitor's language on this browser. */
export const LOCALE_COOKIE = 'cis.lang'
const A_YEAR_MS = 365 * 24 * 60 * 60_000

/** Saves a signed-in user's choice of language on their account. */
export type SaveLocaleChoice = (userId: number, locale: Locale) => Promise<void>

const cookieLocale = (req: Request): Locale | undefined => {
  const match = /(?:^|;\s*)cis\.lang=([^;]*)/.exec(req.headers.cookie ?? '')
  return match && isLocale(match[1]) ? match[1] : undefined
}

const remember = (res: Response, locale: Locale) =>
  res.cookie(LOCALE_COOKIE, locale, { maxAge: A_YEAR_MS, httpOnly: true, sameSite: 'lax', path: '/' })

/**
 * A link followed from another site (a GET, so no CSRF token) changes this page's language and the
 * cookie, never the account's setting.
 */
const crossSite = (req: Request): boolean => {
  const site = req.get('sec-fetch-site')
  return site !== undefined && site !== 'same-origin' && site !== 'none'
}

/**
 * The language of an anonymous public read: `?lang=`, else the cookie, else English (no account).
 * Exported for the profile revalidation, which answers before this middleware runs.
 */
export const publicReadLocale = (req: Request): Locale =>
  (isLocale(req.query.lang) ? req.query.lang : undefined) ?? cookieLocale(req) ?? DEFAULT_LOCALE

/**
 * Chooses the page's language (issue 19): `?lang=` on any page (remembered in a cookie, and on
 * the account of a signed-in user), else the account's choice, else the cookie, else English.
 * Sets res.locals.t (the views' `t(key, values)`), locale, lang and the switcher's links.
 * An anonymous public read has no account: `?lang=`, then the cookie. Its pages are rendered once
 * per language (profiles from each language's snapshot) and their ETags and caches include it.
 */
export function setUpLocale(saveChoice: SaveLocaleChoice): RequestHandler {
  return async (req, res, next) => {
    const asked = isLocale(req.query.lang) ? req.query.lang : undefined
    const cookie = cookieLocale(req)
    if (asked && asked !== cookie) remember(res, asked)
    if (isAnonymousPublicRead(req)) {
      setLocals(req, res, asked ?? cookie ?? DEFAULT_LOCALE)
      return next()
    }
    const user = req.user
    if (asked && user && user.locale !== asked && !crossSite(req)) {
      // The session keeps this same object (setUpAuthentication), so the choice lasts the session.
      user.locale = asked
      // A display preference: should the database refuse it, the page is still served in that language.
      await saveChoice(user.id, asked).catch((error: unknown) =>
        req.log?.warn({ err: error }, 'could not save the language choice on the account'),
      )
    }
    const account = isLocale(user?.locale) ? user.locale : undefined
    // After sign-in, the account's choice is also this browser's, so it stays after signing out.
    if (!asked && account && account !== cookie) remember(res, account)
    setLocals(req, res, asked ?? account ?? cookie ?? DEFAULT_LOCALE)
    next()
  }
}

function setLocals(req: Request, res: Response, locale: Locale): void {
  res.locals.locale = locale
  res.locals.lang = locale
  res.locals.t = translator(locale)
  res.locals.languages = languageLinks(req.originalUrl, LOCALES, locale)
  // The public pages follow every interface language; a profile or results page narrows this to
  // the languages its year was made in.
  if (!isPublicPage(req)) return
  res.locals.alternates = alternateLinks(String(req.app.locals.publicBaseUrl ?? ''), req.path, LOCALES)
  // The survey's words in the page's language, while they are the defaults (src/i18n/localIdentity).
  const identity = res.locals.identity as Identity | undefined
  if (identity) {
    res.locals.baseIdentity = identity
    res.locals.identity = localIdentity(identity, locale)
  }
}
