import type { Knex } from 'knex'
import { enqueueMail, type NewMail } from '../mail/outboxRepository'

export interface ReminderSettings {
  days: string
  enabled: boolean
}

/** An officer of a city that has not submitted, with what a reminder needs to know. */
export interface ReminderCandidate {
  cityId: number
  cityName: string
  /** null when the city has no response yet. */
  responseStatus: string | null
  email: string
  displayName: string
  /** Whether the officer has ever set a password (else the reminder says how to get a link). */
  signedUp: boolean
  /** The officer's language (users.locale): their reminder is written in it; English when null. */
  locale: string | null
  /** The city's own later deadline, if it has an extension. */
  extendedUntil: string | null
}

export interface SentReminder {
  cityId: number
  daysBefore: number | null
  sentAt: string
  messages: number
}

const truthy = (value: unknown) => value === true || value === 1 || value === '1' || value === 't'

/** Reminder settings per survey year, the officers to remind, and every reminder sent. */
export function remindersRepository(knex: Knex) {
  return {
    async settings(editionId: number): Promise<ReminderSettings | undefined> {
      const row = await knex('edition_reminders').where({ edition_id: editionId }).first()
      return row && { days: String(row.days), enabled: truthy(row.enabled) }
    },

    async save(editionId: number, change: Partial<ReminderSettings>, at: string): Promise<void> {
      const row = { ...change, updated_at: at }
      await knex('edition_reminders')
        .insert({ edition_id: editionId, days: '', enabled: false, ...row })
        .onConflict('edition_id')
        .merge(row)
    },

    /** Survey years with reminders switched on that cities may still answer (open, or closed with extensions). */
    async enabledEditionIds(): Promise<number[]> {
      const rows = await knex('edition_reminders as r')
        .join('editions as e', 'e.id', 'r.edition_id')
        .where('r.enabled', true)
        .whereIn('e.status', ['open', 'closed'])
        .whereNotNull('e.closes_at')
        .select('e.id')
      return rows.map((r) => Number(r.id))
    },

    /**
     * The enabled officers of every city invited (it has an officer account) that has not
     * submitted: no response yet, or one in progress. Returned responses are left out: their
     * officers have had their own message, and the deadline does not hold for them.
     */
    async candidates(editionId: number, cityIds?: number[]): Promise<ReminderCandidate[]> {
      const query = knex('users as u')
        .join('cities as c', 'c.id', 'u.city_id')
        .leftJoin('responses as r', (on) => on.on('r.city_id', 'c.id').andOnVal('r.edition_id', editionId))
        .leftJoin('deadline_extensions as x', (on) =>
          on.on('x.city_id', 'c.id').andOnVal('x.edition_id', editionId),
        )
        .where('u.role', 'officer')
        .whereNull('u.disabled_at')
        .where((status) => status.whereNull('r.id').orWhere('r.status', 'in_progress'))
        .select(
          'c.id as city_id',
          'c.name as city_name',
          'r.status',
          'u.email',
          'u.display_name',
          'u.locale',
          knex.raw('(u.password_hash is not null) as signed_up'),
          'x.closes_at as extended_until',
        )
        .orderBy([{ column: 'c.name' }, { column: 'u.email' }])
      if (cityIds) query.whereIn('c.id', cityIds)
      return (await query).map((row) => ({
        cityId: Number(row.city_id),
        cityName: String(row.city_name),
        responseStatus: (row.status as string | null) ?? null,
        email: String(row.email),
        displayName: String(row.display_name),
        signedUp: truthy(row.signed_up),
        locale: (row.locale as string | null) ?? null,
        extendedUntil: (row.extended_until as string | null) ?? null,
      }))
    },

    async sent(editionId: number): Promise<SentReminder[]> {
      const rows = await knex('reminders_sent').where({ edition_id: editionId }).orderBy('id')
      return rows.map((row) => ({
        cityId: Number(row.city_id),
        daysBefore: row.days_before === null ? null : Number(row.days_before),
        sentAt: String(row.sent_at),
        messages: Number(row.messages),
      }))
    },

    /**
     * Records a city's reminder and queues its messages in one transaction. A scheduled reminder
     * (with its day) is recorded at most once: when the row exists, nothing is queued and this
     * returns false, so two runners, or a run after a restart, never send it twice.
     */
    async recordAndQueue(
      sent: {
        editionId: number
        cityId: number
        daysBefore: number | null
        sentBy: number | null
        at: string
      },
      messages: NewMail[],
    ): Promise<boolean> {
      return knex.transaction(async (trx) => {
        const inserted = await trx('reminders_sent')
          .insert({
            edition_id: sent.editionId,
            city_id: sent.cityId,
            days_before: sent.daysBefore,
            sent_by: sent.sentBy,
            messages: messages.length,
            sent_at: sent.at,
          })
          .onConflict(['edition_id', 'city_id', 'days_before'])
          .ignore()
          .returning('id')
        if (inserted.length === 0) return false
        await enqueueMail(trx, messages)
        return true
      })
    },
  }
}

export type RemindersRepository = ReturnType<typeof remindersRepository>
