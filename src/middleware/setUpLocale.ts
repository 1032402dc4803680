import type { Request, RequestHandler, Response } from 'express'
import { DEFAULT_LOCALE, LOCALE_NAMES, LOCALES, isLocale, translator, type Locale } from '../i18n/catalogues'
import { isAnonymousPublicRead } from '../web/publicPaths'

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

/** The switcher's links: this page, with only its `lang` changed. */
const switcherLinks = (req: Request, current: Locale) =>
  LOCALES.map((code) => {
    const url = new URL(req.originalUrl, 'http://localhost')
    url.searchParams.set('lang', code)
    return { code, name: LOCALE_NAMES[code], href: url.pathname + url.search, current: code === current }
  })

/**
 * Chooses the page's language (issue 19): `?lang=` on any page (remembered in a cookie, and on
 * the account of a signed-in user), else the account's choice, else the cookie, else English.
 * Sets res.locals.t (the views' `t(key, values)`), locale, lang and the switcher's links.
 * An anonymous public read stays English: those pages are rendered once for everyone and cached
 * (their translation comes with translated profiles), so only the choice is remembered there.
 */
export function setUpLocale(saveChoice: SaveLocaleChoice): RequestHandler {
  return async (req, res, next) => {
    const asked = isLocale(req.query.lang) ? req.query.lang : undefined
    const cookie = cookieLocale(req)
    if (asked && asked !== cookie) remember(res, asked)
    if (isAnonymousPublicRead(req)) return next()
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
    const locale = asked ?? account ?? cookie ?? DEFAULT_LOCALE
    res.locals.locale = locale
    res.locals.lang = locale
    res.locals.t = translator(locale)
    res.locals.languages = switcherLinks(req, locale)
    next()
  }
}
