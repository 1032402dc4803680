import type { OutboxMail, OutboxRepository, OutboxStatus } from './outboxRepository'
import { outboxStatuses } from './outboxRepository'
import type { AuditRepository } from '../accounts/auditRepository'
import { mailKinds } from './notifications'
import { ConflictError, NotFoundError } from '../shared/errors'

export const OUTBOX_PAGE_SIZE = 50

interface Deps {
  outbox: Pick<OutboxRepository, 'count' | 'list' | 'findById' | 'requeueCopy'>
  audit: Pick<AuditRepository, 'record'>
}

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value)

/** The administrators' view of the outbox: what was sent, what waits, what failed, and resending. */
export function outboxService({ outbox, audit }: Deps) {
  const mustFind = async (id: number): Promise<OutboxMail> => {
    const mail = await outbox.findById(id)
    if (!mail) throw new NotFoundError('There is no such message')
    return mail
  }
  return {
    /** One page of messages, newest first; unknown filter values are ignored. */
    async page(query: { status?: unknown; kind?: unknown; page?: unknown }) {
      const filter = {
        status: pick<OutboxStatus>(query.status, outboxStatuses),
        kind: pick(query.kind, Object.keys(mailKinds)),
      }
      const total = await outbox.count(filter)
      const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE))
      const page = Math.min(Math.max(1, Math.trunc(Number(query.page)) || 1), pages)
      const mails = await outbox.list(filter, OUTBOX_PAGE_SIZE, (page - 1) * OUTBOX_PAGE_SIZE)
      return { mails, filter, page, pages, total, kinds: mailKinds, statuses: outboxStatuses }
    },

    get: mustFind,

    /** Queues a copy of a sent, failed or logged message; returns the copy's id. */
    async resend(actor: { id: number; ip: string | null }, id: number): Promise<number> {
      const mail = await mustFind(id)
      if (mail.status === 'queued') throw new ConflictError('This message is still waiting to be sent.')
      const copy = (await outbox.requeueCopy(id))!
      await audit.record({
        actorId: actor.id,
        type: 'mail_resent',
        subject: mail.recipient,
        detail: { outboxId: id, copyId: copy, kind: mail.kind },
        ip: actor.ip,
      })
      return copy
    },
  }
}

export type OutboxService = ReturnType<typeof outboxService>
