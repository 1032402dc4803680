import express, { type Request, type Router } from 'express'
import type { ReminderService } from './reminderService'
import { actorId } from '../web/actor'
import { adminPaths } from '../web/adminPaths'
import { flash } from '../web/flash'
import { yearParam } from '../web/requestParams'

const crumbs = (year: number) => [
  { href: adminPaths.home(), text: 'Administration' },
  { href: adminPaths.editions(), text: 'Survey years' },
  { href: adminPaths.edition(year), text: String(year) },
]

/** The cities chosen on the progress page: one city's own button, or the ticked boxes. */
function chosenCities(req: Request): number[] {
  const body = req.body as Record<string, unknown>
  const raw = body.only !== undefined ? [body.only] : [body.cityIds ?? []].flat()
  return raw.map(Number).filter((id) => Number.isSafeInteger(id) && id > 0)
}

/** Reminders of a survey year: days, preview and switch, and sending now from the progress page. */
export function reminderRoutes(reminders: ReminderService): Router {
  const router = express.Router()
  const previewPage = async (year: number, errors: Array<{ href: string; text: string }> = []) => ({
    title: `Reminders: ${year}`,
    breadcrumbs: crumbs(year),
    ...(await reminders.preview(year)),
    errors,
  })

  router.post('/admin/editions/:year/reminders/days', async (req, res) => {
    const year = yearParam(req)
    const reminderDays = String(req.body.reminderDays ?? '')
    const { errors } = await reminders.saveDays(year, reminderDays, actorId(req))
    if (errors.length)
      return res.status(400).render('reminders/days', {
        title: `Reminder days: ${year}`,
        breadcrumbs: crumbs(year),
        year,
        reminderDays,
        errors,
      })
    flash(req, 'Reminder days saved')
    res.redirect(adminPaths.reminders(year))
  })

  router.get('/admin/editions/:year/reminders', async (req, res) => {
    res.render('reminders/preview', await previewPage(yearParam(req)))
  })

  router.post('/admin/editions/:year/reminders/:switch', async (req, res, next) => {
    const on = req.params.switch === 'on'
    if (!on && req.params.switch !== 'off') return next()
    const year = yearParam(req)
    const { errors } = await reminders.setEnabled(year, on, actorId(req))
    if (errors.length) return res.status(400).render('reminders/preview', await previewPage(year, errors))
    flash(req, on ? 'Reminders are switched on' : 'Reminders are switched off')
    res.redirect(adminPaths.reminders(year))
  })

  router.post('/admin/editions/:year/reminders/send', async (req, res) => {
    const year = yearParam(req)
    const back = String(req.body.returnTo ?? '').startsWith(`${adminPaths.progress(year)}?`)
      ? String(req.body.returnTo)
      : adminPaths.progress(year)
    const result = await reminders.sendNow(year, chosenCities(req), actorId(req))
    const skipped = result.skipped
      ? ` ${result.skipped} skipped: already submitted or past their deadline.`
      : ''
    req.session.flash = {
      kind: 'success',
      text: result.cities.length
        ? `Reminder sent to ${result.cities.join(', ')} (${result.messages} ${result.messages === 1 ? 'message' : 'messages'}).${skipped}`
        : `No reminder sent: select cities that have not submitted.${skipped}`,
    }
    res.redirect(back)
  })
  return router
}
