import express, { type Router } from 'express'
import type { OutboxService } from './outboxService'
import { requireAdmin } from '../accounts/guards'
import { auditActor } from '../web/actor'
import { idParam } from '../web/requestParams'
import { flash } from '../web/flash'
import { adminPaths } from '../web/adminPaths'

const outboxCrumb = [{ href: adminPaths.outbox(), text: 'Outbox' }]

/** /admin/outbox: every message with its status, one message, and resending it. */
export function outboxRoutes(outbox: OutboxService): Router {
  const router = express.Router()
  router.use('/admin/outbox', requireAdmin)

  router.get('/admin/outbox', async (req, res) => {
    res.render('mail/outbox', { title: 'Outbox', ...(await outbox.page(req.query)) })
  })

  router.get('/admin/outbox/:id', async (req, res) => {
    const mail = await outbox.get(idParam(req))
    res.render('mail/outbox-message', { title: mail.subject, breadcrumbs: outboxCrumb, mail })
  })

  router.post('/admin/outbox/:id/resend', async (req, res) => {
    const copy = await outbox.resend(auditActor(req), idParam(req))
    flash(req, 'The message has been queued to be sent again.')
    res.redirect(adminPaths.outboxMessage(copy))
  })
  return router
}
