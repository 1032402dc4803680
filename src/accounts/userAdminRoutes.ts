import express, { type Response, type Router } from 'express'
import type { FieldError } from '../shared/errors'
import type { AccountAdminService } from './accountAdminService'
import { absoluteUrl } from './routeHelpers'
import { auditActor } from '../web/actor'
import { idParam } from '../web/requestParams'
import { linkPath, LINK_VALID_DAYS } from './passwordLinks'
import { flash } from '../web/flash'
import { adminPaths } from '../web/adminPaths'

const usersCrumb = [{ href: adminPaths.users(), text: 'Accounts' }]

/**
 * /admin/users: accounts, their one-time links, disabling and unlocking; and /admin/audit.
 * Administrators only: accountsRoutes guards everything under /admin.
 */
export function userAdminRoutes(admin: AccountAdminService, publicBaseUrl: string): Router {
  const router = express.Router()

  router.get('/admin/users', async (_req, res) => {
    res.render('accounts/users', { title: 'Accounts', accounts: await admin.list() })
  })

  /** The new-account form: empty, or what was sent with its errors (status 400). */
  async function showNew(res: Response, values: unknown = {}, errors: FieldError[] = []) {
    res.status(errors.length ? 400 : 200).render('accounts/user-new', {
      title: 'Create an account',
      breadcrumbs: usersCrumb,
      cities: await admin.cityOptions(),
      values,
      errors,
    })
  }

  router.get('/admin/users/new', (_req, res) => showNew(res))

  router.post('/admin/users', async (req, res) => {
    const result = await admin.create(auditActor(req), req.body)
    if (!result.ok) return showNew(res, req.body ?? {}, result.errors)
    req.session.issuedLink = { userId: result.value.userId, token: result.value.token }
    res.redirect(adminPaths.userLink(result.value.userId))
  })

  router.get('/admin/users/:id', async (req, res) => {
    const account = await admin.get(idParam(req))
    res.render('accounts/user', {
      title: account.displayName,
      breadcrumbs: usersCrumb,
      account,
      self: account.id === req.user!.id,
    })
  })

  // The link is shown once: it lives in the session only until this page has been rendered.
  router.get('/admin/users/:id/link', async (req, res) => {
    const account = await admin.get(idParam(req))
    const issued = req.session.issuedLink?.userId === account.id ? req.session.issuedLink : undefined
    delete req.session.issuedLink
    const url = issued ? absoluteUrl(publicBaseUrl, linkPath(issued.token)) : undefined
    res.render('accounts/user-link', {
      title: url ? 'Pass this link on' : 'Set-password link',
      breadcrumbs: usersCrumb,
      account,
      url,
      cityName: issued?.cityName,
      days: LINK_VALID_DAYS,
    })
  })

  router.post('/admin/users/:id/link', async (req, res) => {
    const id = idParam(req)
    req.session.issuedLink = { userId: id, token: await admin.reissueLink(auditActor(req), id) }
    res.redirect(adminPaths.userLink(id))
  })

  router.get('/admin/users/:id/disable', async (req, res) => {
    const account = await admin.get(idParam(req))
    res.render('accounts/user-disable', {
      title: `Disable ${account.displayName}'s account`,
      backLink: adminPaths.user(account.id),
      account,
    })
  })

  const change = (action: 'disable' | 'enable' | 'unlock', done: string) =>
    router.post(`/admin/users/:id/${action}`, async (req, res) => {
      const id = idParam(req)
      await admin[action](auditActor(req), id)
      flash(req, done)
      res.redirect(adminPaths.user(id))
    })
  change('disable', 'The account has been disabled and signed out everywhere.')
  change('enable', 'The account has been enabled.')
  change('unlock', 'The account has been unlocked.')

  router.get('/admin/audit', async (req, res) => {
    const listing = await admin.auditPage(Number(req.query.page ?? 1))
    res.render('accounts/audit', { title: 'Audit log', ...listing })
  })
  return router
}
