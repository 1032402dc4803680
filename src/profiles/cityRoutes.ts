import express, { type Express, type Router } from 'express'
import type { ProfileServices } from './profileServices'
import type { PageCache } from './pageCache'
import { writeProfilePdf } from './profilePdf'
import { profileViewHelpers } from './profileWording'
import { parseYear } from '../web/requestParams'
import { renderLocatorMap } from './worldMap'
import { requestEncoding, sendVariant } from '../web/contentEncoding'
import { capitalised, inSentence, type Identity } from '../shared/identity'
import { LOCALES } from '../i18n/catalogues'
import { localeOf, pageLanguage } from './pageLanguage'
import { localIdentity } from '../i18n/localIdentity'

/** /cities: browse, a city's latest profile, a year's profile (HTML and PDF), two years compared. */
export function cityRoutes(profiles: ProfileServices, cache: PageCache): Router {
  const { cachedAnonymousPage, cachedFragment, notModified, notModifiedVariant } = cache
  const router = express.Router()
  const { pages, browse } = profiles

  router.get('/cities', async (req, res) => {
    // In the reader's language; each year's filters (its questions) are worded in it where the
    // year's results were made in it.
    const result = await browse.browse(req.query as Record<string, unknown>, localeOf(res))
    pageLanguage(req, res, localeOf(res), [...LOCALES])
    // The page follows the language cookie as well as `?lang=`: caches keep one copy per cookie.
    res.vary('Cookie')
    const identity = res.locals.identity as Identity
    res.render('profiles/cities', { title: capitalised(identity.unitPlural), ...result, query: req.query })
  })

  router.get('/cities/:slug', async (req, res) => {
    res.redirect(
      302,
      `/cities/${encodeURIComponent(req.params.slug)}/${await pages.latestYear(req.params.slug)}`,
    )
  })

  router.get('/cities/:slug/compare', async (req, res) => {
    const page = await pages.compare(req.params.slug, req.query.from, req.query.to, localeOf(res))
    if (page.kind === 'one-year') {
      const { t } = pageLanguage(req, res, localeOf(res), [...LOCALES])
      return res.render('profiles/compare-one-year', {
        title: t('publicPages.compare.oneYearTitle', { city: page.city.name }),
        ...page,
      })
    }
    const { t } = pageLanguage(req, res, page.locale, [...new Set(['en', page.locale])])
    res.render('profiles/compare', {
      title: t('publicPages.compare.title', {
        city: page.to.city.name,
        from: page.from.year,
        to: page.to.year,
      }),
      ...page,
    })
  })

  router.get('/cities/:slug/:year.pdf', async (req, res) => {
    const year = parseYear(req.params.year)
    const page = await pages.cityPage(req.params.slug, year, localeOf(res))
    if (notModified(req, res, 'pdf', page.version)) return
    const profile = await page.profile()
    res.type('application/pdf').attachment(`${req.params.slug}-${req.params.year}.pdf`)
    await writeProfilePdf(profile, res, {
      locale: page.locale,
      identity: localIdentity(await profiles.identity.forYear(year), page.locale),
      generatedAt: page.generatedAt,
      url: `${String(req.app.locals.publicBaseUrl)}/cities/${encodeURIComponent(req.params.slug)}/${req.params.year}`,
    })
  })

  router.get('/cities/:slug/:year', async (req, res) => {
    const page = await pages.cityPage(req.params.slug, parseYear(req.params.year), localeOf(res))
    // A page with something of this visitor's own (signed in, a message) is theirs alone, and sent as it is.
    const own = Boolean(req.user || res.locals.flash)
    const encoding = own ? 'identity' : requestEncoding(req)
    if (notModifiedVariant(req, res, encoding, page.version, page.years.join(','))) return
    const profile = await page.profile()
    // The year's own identity (its profile title, unit words) where it sets one; the site's otherwise.
    const profileIdentity = localIdentity(await profiles.identity.forYear(profile.year), page.locale)
    // The page's words are its snapshot's language (English where the year has none in the reader's).
    const language = pageLanguage(req, res, page.locale, page.locales, { sharedByAll: true })
    const { t } = language
    const key = `${page.version}|${page.years.join(',')}|${String(res.locals.identityVersion)}|${localeOf(res)}`
    const body = await cachedFragment(req.app as Express, 'profiles/city-body', key, () => ({
      ...profileViewHelpers,
      t,
      lang: language.lang,
      // The profile's own wording is the year's: within the profile, `identity` is that year's.
      identity: profileIdentity,
      profile,
      years: page.years,
      generatedAt: page.generatedAt,
      locator: page.location ? renderLocatorMap({ name: profile.city.name, ...page.location }) : undefined,
    }))
    const locals = {
      title: `${profile.city.name}: ${inSentence(profileIdentity.profileTitle)} ${profile.year}`,
      body,
      ...language,
      breadcrumbs: [
        { href: '/', text: t('publicPages.homeCrumb') },
        { href: '/cities', text: capitalised((res.locals.identity as Identity).unitPlural) },
      ],
    }
    if (own) return res.render('profiles/city', locals)
    // Anonymous visitors all get the same page but for the CSP nonce: render once, stamp the nonce per
    // request. It is built from nothing of any visitor's session: only the path and the profile.
    const stamped = await cachedAnonymousPage(req.app as Express, 'profiles/city', key, () => ({
      currentPath: req.path,
      identity: res.locals.identity,
      ...locals,
    }))
    res.type('html')
    sendVariant(res, encoding, await stamped(String(res.locals.cspNonce), encoding))
  })
  return router
}
