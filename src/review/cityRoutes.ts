import express, { type Router } from 'express'
import type { ReviewServices } from './reviewServices'
import { cityFormValues } from './cityAdminService'
import { idParam, queryString } from '../web/requestParams'
import { actorId } from '../web/actor'
import { flash } from '../web/flash'
import { adminPaths } from '../web/adminPaths'

const crumbs = [
  { href: adminPaths.home(), text: 'Administration' },
  { href: adminPaths.cities(), text: 'Cities' },
]

/** Cities: search and page through them, create and edit one, see its officers and responses. */
export function cityRoutes(review: ReviewServices): Router {
  const router = express.Router()
  const form = async (
    title: string,
    action: string,
    values: Record<string, string>,
    errors: Array<{ href: string; text: string }>,
  ) => ({
    title,
    action,
    breadcrumbs: crumbs,
    values,
    errors,
    regions: await review.cities.regions(),
  })

  router.get('/admin/cities', async (req, res) => {
    const list = await review.cities.list(
      queryString(req, 'q').trim().slice(0, 100),
      Number(queryString(req, 'page')) || 1,
    )
    res.render('review/cities', { title: 'Cities', breadcrumbs: crumbs.slice(0, 1), ...list })
  })

  router.get('/admin/cities/new', async (_req, res) => {
    res.render('review/city-form', await form('Add a city', adminPaths.newCity(), cityFormValues({}), []))
  })

  router.post('/admin/cities/new', async (req, res) => {
    const values = cityFormValues(req.body)
    const { id, errors } = await review.cities.create(values, actorId(req))
    if (!id)
      return res
        .status(400)
        .render('review/city-form', await form('Add a city', adminPaths.newCity(), values, errors))
    flash(req, `${values.name.trim()} added`)
    res.redirect(adminPaths.city(id))
  })

  router.get('/admin/cities/:id', async (req, res) => {
    const details = await review.cities.details(idParam(req))
    res.render('review/city', { title: details.city.name, breadcrumbs: crumbs, ...details })
  })

  router.get('/admin/cities/:id/edit', async (req, res) => {
    const { city } = await review.cities.details(idParam(req))
    const values = cityFormValues({
      ...city,
      latitude: city.latitude?.toString() ?? '',
      longitude: city.longitude?.toString() ?? '',
    })
    res.render('review/city-form', {
      ...(await form(`Change ${city.name}`, adminPaths.cityEdit(city.id), values, [])),
      backLink: adminPaths.city(city.id),
    })
  })

  router.post('/admin/cities/:id/edit', async (req, res) => {
    const id = idParam(req)
    const { city } = await review.cities.details(id)
    const values = cityFormValues(req.body)
    const { errors } = await review.cities.update(id, values, actorId(req))
    if (errors.length)
      return res.status(400).render('review/city-form', {
        ...(await form(`Change ${city.name}`, adminPaths.cityEdit(id), values, errors)),
        backLink: adminPaths.city(id),
      })
    flash(req, 'City saved')
    res.redirect(adminPaths.city(id))
  })
  return router
}
