import type { Knex } from 'knex'
import { nowIso } from '../shared/clock'
import type { EditionStatus } from '../questionnaire/editionsRepository'
import { enqueueMail, type NewMail } from '../mail/outboxRepository'

export interface StatusCount {
  editionId: number
  status: string
  count: number
}

export interface EditionHistoryEntry {
  type: string
  actorName: string | null
  detail: Record<string, unknown> | undefined
  createdAt: string
}

/** The subject under which an edition's lifecycle is recorded in audit_log. */
export const editionSubject = (year: number): string => `edition:${year}`

/** Administration queries about editions that the shared editions repository does not need. */
export function editionAdminRepository(knex: Knex) {
  return {
    /** Number of responses per edition and status, in one GROUP BY. */
    async responseCounts(): Promise<StatusCount[]> {
      const rows: Array<Record<string, unknown>> = await knex('responses')
        .select('edition_id', 'status')
        .count({ count: '*' })
        .groupBy('edition_id', 'status')
      return rows.map((r) => ({
        editionId: Number(r.edition_id),
        status: String(r.status),
        count: Number(r.count),
      }))
    },
    /**
     * Moves an edition from one status to another, only if it is still in the first
     * (two administrators pressing at once cannot both succeed). Returns whether it moved.
     * The mail the change causes is written to the outbox in the same transaction.
     */
    async transitionStatus(
      id: number,
      from: EditionStatus,
      to: EditionStatus,
      mail: NewMail[] = [],
    ): Promise<boolean> {
      const now = nowIso()
      return knex.transaction(async (trx) => {
        const moved = await trx('editions')
          .where({ id, status: from })
          .update({ status: to, updated_at: now, ...(to === 'published' ? { published_at: now } : {}) })
        if (moved !== 1) return false
        await enqueueMail(trx, mail)
        return true
      })
    },
    /** The edition's lifecycle and settings changes, newest first. */
    async history(year: number, limit = 50): Promise<EditionHistoryEntry[]> {
      const rows = await knex('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.actor_id')
        .where('a.subject', editionSubject(year))
        .where('a.type', 'like', 'edition_%')
        .select('a.type', 'a.detail', 'a.created_at', 'u.display_name')
        .orderBy('a.id', 'desc')
        .limit(limit)
      return rows.map((r) => ({
        type: String(r.type),
        actorName: r.display_name ?? null,
        detail: r.detail ? JSON.parse(r.detail) : undefined,
        createdAt: String(r.created_at),
      }))
    },
  }
}

export type EditionAdminRepository = ReturnType<typeof editionAdminRepository>
