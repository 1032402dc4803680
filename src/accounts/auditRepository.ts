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
      const rows = await knex('audit_log').orderBy('id', 'desc').limit(limit).offset(offset)
      return rows.map((r) => ({
        id: r.id,
        actorId: r.actor_id,
        type: r.type,
        subject: r.subject,
        detail: r.detail ? JSON.parse(r.detail) : undefined,
        ip: r.ip,
        createdAt: r.created_at,
      }))
    },
  }
}

export type AuditRepository = ReturnType<typeof auditRepository>
