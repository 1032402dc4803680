import express, { type Router } from 'express'
import { requireAdmin } from '../accounts/guards'
import type { Services } from '../services'
import { cityRoutes } from './cityRoutes'
import { editionRoutes } from './editionRoutes'
import { extensionRoutes } from './extensionRoutes'
import { exportRoutes } from './exportRoutes'
import { responseRoutes } from './responseRoutes'
import { reminderRoutes } from '../reminders/reminderRoutes'

/** The administration of survey years, responses, cities and exports (admins only). */
export function reviewRoutes(services: Services): Router {
  const router = express.Router()
  // Everything under /admin is for administrators, whichever capability serves it.
  router.use('/admin', requireAdmin)
  router.get('/admin', async (_req, res) => {
    res.render('review/dashboard', {
      title: 'Administration',
      editions: await services.review.editions.list(),
    })
  })
  router.use(exportRoutes(services.review))
  router.use(extensionRoutes(services.review.deadlines))
  router.use(reminderRoutes(services.review.reminders))
  router.use(editionRoutes(services.review))
  router.use(responseRoutes(services.review))
  router.use(cityRoutes(services.review))
  return router
}
