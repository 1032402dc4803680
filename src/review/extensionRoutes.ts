import express, { type Router } from 'express'
import type { DeadlineService } from './deadlineService'
import { idParam, yearParam } from '../web/requestParams'
import { actorId } from '../web/actor'
import { flash } from '../web/flash'
import { adminPaths } from '../web/adminPaths'

const field = (body: Record<string, unknown>, name: string) => String(body[name] ?? '')

/** Per-city deadline extensions of a survey year. */
export function extensionRoutes(deadlines: DeadlineService): Router {
  const router = express.Router()
  const render = async (
    year: number,
    values: Record<string, string>,
    errors: Array<{ href: string; text: string }>,
  ) => ({
    title: `Deadline extensions: ${year}`,
    breadcrumbs: [
      { href: adminPaths.home(), text: 'Administration' },
      { href: adminPaths.editions(), text: 'Survey years' },
      { href: adminPaths.edition(year), text: String(year) },
    ],
    ...(await deadlines.extensionsPage(year)),
    values,
    errors,
  })

  router.get('/admin/editions/:year/extensions', async (req, res) => {
    res.render('review/extensions', await render(yearParam(req), { closesTime: '23:59' }, []))
  })

  router.post('/admin/editions/:year/extensions', async (req, res) => {
    const year = yearParam(req)
    const values = {
      cityId: field(req.body, 'cityId'),
      closesOn: field(req.body, 'closesOn'),
      closesTime: field(req.body, 'closesTime'),
      reason: field(req.body, 'reason'),
    }
    const { errors } = await deadlines.extend(year, values, actorId(req))
    if (errors.length) return res.status(400).render('review/extensions', await render(year, values, errors))
    flash(req, 'Deadline extended')
    res.redirect(adminPaths.extensions(year))
  })

  router.post('/admin/editions/:year/extensions/:cityId/remove', async (req, res) => {
    const year = yearParam(req)
    await deadlines.removeExtension(year, idParam(req, 'cityId'), actorId(req))
    flash(req, 'Extension removed: the survey year’s deadline applies to that city again')
    res.redirect(adminPaths.extensions(year))
  })
  return router
}
