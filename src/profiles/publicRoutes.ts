import express, { type Router } from 'express'
import type { Services } from '../services'
import { cityRoutes } from './cityRoutes'
import { footerRoutes } from './footerRoutes'
import { openDataRoutes } from './openDataRoutes'
import { resultsRoutes } from './resultsRoutes'
import { renderWorldMap } from './worldMap'
import { profileViewHelpers } from './profileWording'

/** The public site: home, cities, results, open data and the footer's pages. Only published editions are shown. */
export function publicRoutes(services: Services): Router {
  const router = express.Router()
  router.use((_req, res, next) => {
    Object.assign(res.locals, profileViewHelpers)
    next()
  })
  router.get('/', async (_req, res) => {
    const overview = await services.home.overview()
    res.render('profiles/home', {
      title: undefined,
      ...overview,
      map: renderWorldMap(overview.cities),
    })
  })
  router.use(cityRoutes(services))
  router.use(resultsRoutes(services))
  router.use(openDataRoutes(services))
  router.use(footerRoutes())
  return router
}
