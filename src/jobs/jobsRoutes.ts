import express, { type Router } from 'express'
import { requireAdmin } from '../accounts/guards'
import { auditActor } from '../web/actor'
import { adminPaths } from '../web/adminPaths'
import type { JobsService } from './jobsService'

/** /admin/jobs: the recurring jobs, their last and next runs, and "run now". */
export function jobsRoutes(jobs: JobsService): Router {
  const router = express.Router()
  router.use('/admin/jobs', requireAdmin)

  router.get('/admin/jobs', async (_req, res) => {
    res.render('jobs/jobs', { title: 'Jobs', jobs: await jobs.list() })
  })

  router.post('/admin/jobs/:name/run', async (req, res) => {
    const label = await jobs.runNow(String(req.params.name), auditActor(req))
    req.session.flash = { kind: 'success', text: `“${label}” will run within a few seconds.` }
    res.redirect(adminPaths.jobs())
  })
  return router
}
