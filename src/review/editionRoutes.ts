import express, { type Router } from 'express'
import type { ReviewServices } from './reviewServices'
import { actionRules, isLifecycleAction, type LifecycleAction } from './editionLifecycle'
import { progressHref, progressQuerySchema } from './progressService'
import { progressCsv } from './progressCsv'
import { yearParam } from '../web/requestParams'
import { actorId } from '../web/actor'
import { flash } from '../web/flash'
import { adminPaths } from '../web/adminPaths'

const crumbs = [
  { href: adminPaths.home(), text: 'Administration' },
  { href: adminPaths.editions(), text: 'Survey years' },
]

/** Survey years: list, details and settings, lifecycle with a confirmation each, progress. */
export function editionRoutes(review: ReviewServices): Router {
  const router = express.Router()
  const detailsPage = async (year: number) => ({
    title: `Survey year ${year}`,
    breadcrumbs: crumbs,
    ...(await review.editions.details(year)),
    reminders: await review.reminders.settings(year),
  })

  router.get('/admin/editions', async (_req, res) => {
    res.render('review/editions', {
      title: 'Survey years',
      breadcrumbs: crumbs.slice(0, 1),
      editions: await review.editions.list(),
    })
  })

  router.get('/admin/editions/:year', async (req, res) => {
    const page = await detailsPage(yearParam(req))
    res.render('review/edition', {
      ...page,
      values: {
        opensOn: page.edition.opensOn ?? '',
        closesOn: page.edition.closesOn ?? '',
        closesTime: page.edition.closesTime,
        timeZone: page.edition.timeZone,
        basis: page.edition.basis,
      },
      errors: [],
    })
  })

  router.post('/admin/editions/:year/settings', async (req, res) => {
    const year = yearParam(req)
    const values = {
      opensOn: String(req.body.opensOn ?? ''),
      closesOn: String(req.body.closesOn ?? ''),
      closesTime: String(req.body.closesTime ?? ''),
      timeZone: String(req.body.timeZone ?? ''),
      basis: String(req.body.basis ?? ''),
    }
    const { errors } = await review.editions.updateSettings(year, values, actorId(req))
    if (errors.length)
      return res.status(400).render('review/edition', { ...(await detailsPage(year)), values, errors })
    flash(req, 'Settings saved')
    res.redirect(adminPaths.edition(year))
  })

  router.get('/admin/editions/:year/progress.csv', async (req, res) => {
    const year = yearParam(req)
    const dashboard = await review.progress.dashboard(year, progressQuerySchema.parse(req.query))
    res
      .attachment(`progress-${year}.csv`)
      .type('text/csv; charset=utf-8')
      .send(progressCsv(dashboard.all, dashboard.edition.timeZone))
  })

  router.get('/admin/editions/:year/progress', async (req, res) => {
    const year = yearParam(req)
    const dashboard = await review.progress.dashboard(year, progressQuerySchema.parse(req.query))
    const href = (overrides: object) => progressHref(year, dashboard.query, overrides)
    res.render('review/progress', {
      title: `Progress of survey year ${year}`,
      breadcrumbs: [...crumbs, { href: adminPaths.edition(year), text: String(year) }],
      ...dashboard,
      href,
    })
  })

  const lifecycle = (action: string): action is LifecycleAction => isLifecycleAction(action)
  router.get('/admin/editions/:year/:action', async (req, res, next) => {
    if (!lifecycle(req.params.action)) return next()
    const year = yearParam(req)
    const confirm = await review.editions.confirmation(year, req.params.action)
    res.render('review/edition-confirm', {
      title: `${confirm.rule.label}: ${year}`,
      backLink: adminPaths.edition(year),
      action: req.params.action,
      ...confirm,
      errors: [],
    })
  })

  router.post('/admin/editions/:year/:action', async (req, res, next) => {
    if (!lifecycle(req.params.action)) return next()
    const year = yearParam(req)
    const { problems } = await review.editions.apply(year, req.params.action, actorId(req))
    if (problems.length) {
      const confirm = await review.editions.confirmation(year, req.params.action)
      const errors = [
        {
          href: '#problems',
          text: 'The questionnaire has problems. Fix them before opening the survey year.',
        },
      ]
      return res.status(400).render('review/edition-confirm', {
        title: `${confirm.rule.label}: ${year}`,
        backLink: adminPaths.edition(year),
        action: req.params.action,
        ...confirm,
        errors,
      })
    }
    flash(req, `Survey year ${year}: ${actionRules[req.params.action].done}`)
    res.redirect(adminPaths.edition(year))
  })
  return router
}
