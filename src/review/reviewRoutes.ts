import express, { type Router } from 'express'
import { requireAdmin } from '../accounts/guards'
import type { ReviewServices } from './reviewServices'
import { cityRoutes } from './cityRoutes'
import { editionRoutes } from './editionRoutes'
import { extensionRoutes } from './extensionRoutes'
import { exportRoutes } from './exportRoutes'
import { responseRoutes } from './responseRoutes'
import { reminderRoutes } from '../reminders/reminderRoutes'

/** The administration of survey years, responses, cities and exports (admins only). */
export function reviewRoutes(review: ReviewServices): Router {
  const router = express.Router()
  // Everything under /admin is for administrators, whichever capability serves it.
  router.use('/admin', requireAdmin)
  router.get('/admin', async (_req, res) => {
    res.render('review/dashboard', {
      title: 'Administration',
      editions: await review.editions.list(),
    })
  })
  router.use(exportRoutes(review))
  router.use(extensionRoutes(review.deadlines))
  router.use(reminderRoutes(review.reminders))
  router.use(editionRoutes(review))
  router.use(responseRoutes(review))
  router.use(cityRoutes(review))
  return router
}
