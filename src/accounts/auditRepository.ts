import type { Knex } from 'knex'
import { nowIso } from '../shared/clock'

export interface AuditEntry {
  actorId: number | null
  type: string
  subject?: string | null
  detail?: Record<string, unknown>
  ip?: string | null
}

export interface AuditRecord extends AuditEntry {
  id: number
  createdAt: string
}

/** An audit record with the actor's email, for the admin's audit log page. */
export interface AuditListing extends AuditRecord {
  actorEmail: string | null
}

interface AuditRow {
  id: number
  actor_id: number | null
  type: string
  subject: string | null
  detail: string | null
  ip: string | null
  created_at: string
}

const toRecord = (r: AuditRow): AuditRecord => ({
  id: r.id,
  actorId: r.actor_id,
  type: r.type,
  subject: r.subject,
  detail: r.detail ? JSON.parse(r.detail) : undefined,
  ip: r.ip,
  createdAt: r.created_at,
})

/** Account-level audit trail: sign-ins, failures, lockouts, account changes, refusals. */
export function auditRepository(knex: Knex) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await knex('audit_log').insert({
        actor_id: entry.actorId,
        type: entry.type,
        subject: entry.subject ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
        ip: entry.ip ?? null,
        created_at: nowIso(),
      })
    },
    async latest(limit = 100, offset = 0): Promise<AuditRecord[]> {
      const rows = await knex<AuditRow>('audit_log').orderBy('id', 'desc').limit(limit).offset(offset)
      return rows.map(toRecord)
    },
    /** Newest first, with each actor's email (one query, a left join). */
    async listing(limit: number, offset: number): Promise<AuditListing[]> {
      const rows = await knex('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.actor_id')
        .select<Array<AuditRow & { actor_email: string | null }>>('a.*', 'u.email as actor_email')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .offset(offset)
      return rows.map((r) => ({ ...toRecord(r), actorEmail: r.actor_email }))
    },
    /** Entries of these types about a subject (e.g. an email) since a time, by no known actor. */
    async countFor(subject: string, types: string[], since: string): Promise<number> {
      const row = await knex('audit_log')
        .whereNull('actor_id')
        .where('subject', subject)
        .whereIn('type', types)
        .where('created_at', '>', since)
        .count<{ count: number | string }[]>({ count: '*' })
        .first()
      return Number(row?.count ?? 0)
    },
    async count(): Promise<number> {
      const row = await knex('audit_log').count<{ count: number | string }[]>({ count: '*' }).first()
      return Number(row?.count ?? 0)
    },
  }
}

export type AuditRepository = ReturnType<typeof auditRepository>
