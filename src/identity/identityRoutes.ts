import express, { type Router } from 'express'
import { requireAdmin } from '../accounts/guards'
import { actorId } from '../web/actor'
import { adminPaths } from '../web/adminPaths'
import { yearParam } from '../web/requestParams'
import { flash } from '../web/flash'
import { editionIdentityFields, identityFields } from '../shared/identity'
import { identityFieldInfo } from './identityForm'
import type { IdentityService } from './identityService'

const crumbs = [{ href: adminPaths.home(), text: 'Administration' }]

/** /admin/settings: the survey's identity for the whole site, and a survey year's own. */
export function identityRoutes(identity: IdentityService): Router {
  const router = express.Router()
  router.use(['/admin/settings', '/admin/editions/:year/identity'], requireAdmin)

  const sitePage = async (values: Record<string, unknown> | undefined, errors: unknown[]) => {
    const settings = await identity.settings()
    return {
      title: 'Settings',
      breadcrumbs: crumbs,
      fields: identityFields,
      info: identityFieldInfo,
      ...settings,
      values: values ?? settings.values,
      errors,
    }
  }

  router.get('/admin/settings', async (_req, res) => {
    res.render('identity/settings', await sitePage(undefined, []))
  })

  router.post('/admin/settings', async (req, res) => {
    const input = req.body as Record<string, unknown>
    const { errors } = await identity.saveSite(input, actorId(req))
    if (errors.length) return res.status(400).render('identity/settings', await sitePage(input, errors))
    flash(req, 'Settings saved: every page uses them now')
    res.redirect(adminPaths.settings())
  })

  const yearPage = async (year: number, values: Record<string, unknown> | undefined, errors: unknown[]) => {
    const settings = await identity.editionSettings(year)
    return {
      title: `Survey year ${year}: name and wording`,
      breadcrumbs: [...crumbs, { href: adminPaths.settings(), text: 'Settings' }],
      fields: editionIdentityFields,
      info: identityFieldInfo,
      ...settings,
      values: values ?? settings.values,
      errors,
    }
  }

  router.get('/admin/editions/:year/identity', async (req, res) => {
    res.render('identity/edition', await yearPage(yearParam(req), undefined, []))
  })

  router.post('/admin/editions/:year/identity', async (req, res) => {
    const year = yearParam(req)
    const input = req.body as Record<string, unknown>
    const { errors } = await identity.saveEdition(year, input, actorId(req))
    if (errors.length) return res.status(400).render('identity/edition', await yearPage(year, input, errors))
    flash(req, `Survey year ${year}: name and wording saved`)
    res.redirect(adminPaths.settings())
  })
  return router
}
