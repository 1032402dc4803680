import type { Knex } from 'knex'
import { insertInChunks, insertReturningId, isPostgres } from '../db/dialect'
import { nowIso } from '../shared/clock'

export const outboxStatuses = ['queued', 'sent', 'failed', 'logged'] as const
export type OutboxStatus = (typeof outboxStatuses)[number]

/** A rendered message, ready to be written to the outbox. */
export interface NewMail {
  kind: string
  recipient: string
  cityId: number | null
  subject: string
  text: string
  html: string
}

export interface OutboxMail extends NewMail {
  id: number
  cityName: string | null
  status: OutboxStatus
  attempts: number
  nextAttemptAt: string
  lastError: string | null
  claimedBy: string | null
  sentAt: string | null
  createdAt: string
}

export interface OutboxFilter {
  status?: OutboxStatus
  kind?: string
}

/** A sender's claim on due messages: who (unique per claim), when, and until when (the lease). */
export interface Claim {
  by: string
  now: string
  until: string
  limit: number
}

const toMail = (row: Record<string, unknown>): OutboxMail => ({
  id: Number(row.id),
  kind: String(row.kind),
  recipient: String(row.recipient),
  cityId: row.city_id === null ? null : Number(row.city_id),
  cityName: (row.city_name as string | null | undefined) ?? null,
  subject: String(row.subject),
  text: String(row.text_body),
  html: String(row.html_body),
  status: row.status as OutboxStatus,
  attempts: Number(row.attempts),
  nextAttemptAt: String(row.next_attempt_at),
  lastError: (row.last_error as string | null) ?? null,
  claimedBy: (row.claimed_by as string | null) ?? null,
  sentAt: (row.sent_at as string | null) ?? null,
  createdAt: String(row.created_at),
})

const queuedRow = (mail: NewMail, at: string) => ({
  kind: mail.kind,
  recipient: mail.recipient,
  city_id: mail.cityId,
  subject: mail.subject,
  text_body: mail.text,
  html_body: mail.html,
  status: 'queued',
  attempts: 0,
  next_attempt_at: at,
  created_at: at,
})

const filtered = (filter: OutboxFilter) => (q: Knex.QueryBuilder) => {
  if (filter.status) q.where('outbox.status', filter.status)
  if (filter.kind) q.where('outbox.kind', filter.kind)
}

/** Writes messages to the outbox; pass a transaction's knex so they commit with the change. */
export async function enqueueMail(knex: Knex, messages: NewMail[]): Promise<void> {
  const at = nowIso()
  await insertInChunks(
    knex,
    'outbox',
    messages.map((mail) => queuedRow(mail, at)),
  )
}

/** The outbox table: written with the changes that cause mail, read and updated by the sender. */
export function outboxRepository(knex: Knex) {
  const dueAt = (now: string) => (q: Knex.QueryBuilder) =>
    q
      .where('status', 'queued')
      .where('next_attempt_at', '<=', now)
      .where((lease) => lease.whereNull('locked_until').orWhere('locked_until', '<=', now))
  // Only the claim's holder may settle a message (a sender whose lease ran out may not).
  const mine = (id: number, by: string) => knex('outbox').where({ id, claimed_by: by })
  const oneMore = () => knex.raw('?? + 1', ['attempts'])

  return {
    enqueue: (messages: NewMail[]) => enqueueMail(knex, messages),

    /**
     * Claims up to `limit` due messages with one UPDATE, so two senders never hold the same
     * row: PostgreSQL skips rows another sender's UPDATE has locked (FOR UPDATE SKIP LOCKED),
     * and the outer WHERE repeats the conditions, which PostgreSQL re-checks on a row that
     * changed meanwhile. The due ids come from a CTE, which PostgreSQL runs once: as an
     * `IN (subquery)` it may run the subquery again per row and claim far more than `limit`.
     * SQLite has one writer at a time, so the conditional UPDATE is enough there.
     */
    async claimDue(claim: Claim): Promise<OutboxMail[]> {
      const due = knex('outbox').select('id').modify(dueAt(claim.now)).orderBy('id').limit(claim.limit)
      if (isPostgres(knex)) due.forUpdate().skipLocked()
      await knex('outbox')
        .with('due', due)
        .whereIn('id', knex('due').select('id'))
        .modify(dueAt(claim.now))
        .update({ claimed_by: claim.by, locked_until: claim.until })
      const rows = await knex('outbox').where({ claimed_by: claim.by, status: 'queued' }).orderBy('id')
      return rows.map(toMail)
    },

    async markSent(id: number, by: string, at: string): Promise<void> {
      await mine(id, by).update({
        status: 'sent',
        sent_at: at,
        locked_until: null,
        last_error: null,
        attempts: oneMore(),
      })
    },

    /** Shown in the log instead of sent (no MAIL_URL). */
    async markLogged(id: number, by: string): Promise<void> {
      await mine(id, by).update({ status: 'logged', locked_until: null })
    },

    /** A failed attempt: queued again for `nextAttemptAt`, or failed for good when that is null. */
    async markAttemptFailed(id: number, by: string, error: string, nextAttemptAt: string | null) {
      await mine(id, by).update({
        status: nextAttemptAt ? 'queued' : 'failed',
        ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt } : {}),
        last_error: error.slice(0, 2000),
        locked_until: null,
        attempts: oneMore(),
      })
    },

    async findById(id: number): Promise<OutboxMail | undefined> {
      const row = await knex('outbox')
        .leftJoin('cities', 'cities.id', 'outbox.city_id')
        .where('outbox.id', id)
        .first('outbox.*', 'cities.name as city_name')
      return row && toMail(row)
    },

    async count(filter: OutboxFilter): Promise<number> {
      const [{ count }] = await knex('outbox').modify(filtered(filter)).count({ count: '*' })
      return Number(count)
    },

    /** One page of the outbox, newest first. */
    async list(filter: OutboxFilter, limit: number, offset: number): Promise<OutboxMail[]> {
      const rows = await knex('outbox')
        .leftJoin('cities', 'cities.id', 'outbox.city_id')
        .modify(filtered(filter))
        .select('outbox.*', 'cities.name as city_name')
        .orderBy('outbox.id', 'desc')
        .limit(limit)
        .offset(offset)
      return rows.map(toMail)
    },

    /** Queues a copy of a message (the original keeps its history); returns the copy's id. */
    async requeueCopy(id: number): Promise<number | undefined> {
      const mail = await this.findById(id)
      if (!mail) return undefined
      return insertReturningId(knex, 'outbox', queuedRow(mail, nowIso()))
    },
  }
}

export type OutboxRepository = ReturnType<typeof outboxRepository>
