import express, { type Response, type Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { CityRequestService } from './cityRequestService'
import type { FieldError } from '../shared/errors'
import { auditActor } from '../web/actor'
import { idParam } from '../web/requestParams'
import { adminPaths } from '../web/adminPaths'

const requestsCrumb = [{ href: adminPaths.cityRequests(), text: 'City requests' }]

/** The public "Add your city" form, and the administrators' queue of requests (guarded at /admin). */
export function cityRequestRoutes(requests: CityRequestService): Router {
  const router = express.Router()
  // A public form that writes to the database: ten stored requests per address per hour is
  // plenty (forms sent back with errors do not count).
  const limiter = rateLimit({
    windowMs: 60 * 60_000,
    limit: 10,
    skipFailedRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) =>
      res.status(429).render('accounts/add-your-city', {
        title: 'Add your city',
        backLink: '/',
        values: req.body ?? {},
        errors: [{ href: '#cityName', text: 'Too many requests from your network. Try again in an hour.' }],
      }),
  })

  router.get('/add-your-city', (_req, res) => {
    res.render('accounts/add-your-city', { title: 'Add your city', backLink: '/', values: {}, errors: [] })
  })

  router.post('/add-your-city', limiter, async (req, res) => {
    const result = await requests.submit(req.body)
    if (!result.ok)
      return res.status(400).render('accounts/add-your-city', {
        title: 'Add your city',
        backLink: '/',
        values: req.body ?? {},
        errors: result.errors,
      })
    res.redirect('/add-your-city/confirmation')
  })

  router.get('/add-your-city/confirmation', (_req, res) => {
    res.render('accounts/add-your-city-sent', { title: 'Request sent' })
  })

  router.get('/admin/city-requests', async (_req, res) => {
    res.render('accounts/city-requests', { title: 'City requests', requests: await requests.list() })
  })

  router.get('/admin/city-requests/:id', async (req, res) => {
    const request = await requests.get(idParam(req))
    res.render('accounts/city-request', {
      title: `Request to add ${request.cityName}`,
      breadcrumbs: requestsCrumb,
      request,
    })
  })

  /** The approval form (the confirmation before acting): defaults, or what was sent with its errors. */
  async function showApprove(res: Response, id: number, sent?: unknown, errors: FieldError[] = []) {
    const { request, values, regions } = await requests.approvalDefaults(id)
    res.status(errors.length ? 400 : 200).render('accounts/city-request-approve', {
      title: `Approve ${request.cityName}`,
      backLink: adminPaths.cityRequest(id),
      request,
      regions,
      values: sent ?? values,
      errors,
    })
  }

  /** The rejection form (the confirmation before acting), with the reason asked for. */
  async function showReject(res: Response, id: number, sent: unknown = {}, errors: FieldError[] = []) {
    const request = await requests.getPending(id)
    res.status(errors.length ? 400 : 200).render('accounts/city-request-reject', {
      title: `Reject ${request.cityName}`,
      backLink: adminPaths.cityRequest(id),
      request,
      values: sent,
      errors,
    })
  }

  router.get('/admin/city-requests/:id/approve', (req, res) => showApprove(res, idParam(req)))

  router.post('/admin/city-requests/:id/approve', async (req, res) => {
    const id = idParam(req)
    const result = await requests.approve(auditActor(req), id, req.body)
    if (!result.ok) return showApprove(res, id, req.body ?? {}, result.errors)
    req.session.issuedLink = { ...result.value }
    res.redirect(adminPaths.userLink(result.value.userId))
  })

  router.get('/admin/city-requests/:id/reject', (req, res) => showReject(res, idParam(req)))

  router.post('/admin/city-requests/:id/reject', async (req, res) => {
    const id = idParam(req)
    const result = await requests.reject(auditActor(req), id, req.body)
    if (!result.ok) return showReject(res, id, req.body ?? {}, result.errors)
    req.session.flash = {
      kind: 'success',
      text: `The request to add ${result.value.cityName} has been rejected.`,
    }
    res.redirect(adminPaths.cityRequests())
  })
  return router
}
