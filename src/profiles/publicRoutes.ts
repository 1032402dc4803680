import express, { type Router } from 'express'
import type { HomeService } from './homeService'
import type { ProfileServices } from './profileServices'
import type { PageCache } from './pageCache'
import { cityRoutes } from './cityRoutes'
import { footerRoutes } from './footerRoutes'
import { openDataRoutes } from './openDataRoutes'
import { resultsRoutes } from './resultsRoutes'
import { renderWorldMap } from './worldMap'
import { profileViewHelpers } from './profileWording'
import { localeOf, pageLanguage } from './pageLanguage'
import { LOCALES } from '../i18n/catalogues'

/** The public site: home, cities, results, open data and the footer's pages. Only published editions are shown. */
export function publicRoutes(home: HomeService, profiles: ProfileServices, cache: PageCache): Router {
  const router = express.Router()
  router.use((_req, res, next) => {
    Object.assign(res.locals, profileViewHelpers)
    next()
  })
  router.get('/', async (req, res) => {
    const overview = await home.overview(localeOf(res))
    // The headline figures' words are the latest year's: the page is in its language.
    const served = overview.latest?.locale ?? localeOf(res)
    pageLanguage(req, res, served, served === 'en' && localeOf(res) !== 'en' ? ['en'] : [...LOCALES])
    res.render('profiles/home', {
      title: undefined,
      ...overview,
      map: renderWorldMap(overview.cities),
    })
  })
  router.use(cityRoutes(profiles, cache))
  router.use(resultsRoutes(profiles, cache))
  router.use(openDataRoutes(profiles))
  router.use(footerRoutes())
  return router
}
