import type { AuditRepository } from '../accounts/auditRepository'
import type { Edition, EditionsRepository } from '../questionnaire/editionsRepository'
import type { Notifications } from '../mail/notifications'
import { nowIso } from '../shared/clock'
import { formatDeadline } from '../shared/deadline'
import { NotFoundError, type FieldError } from '../shared/errors'
import { editionSubject } from '../review/editionAdminRepository'
import { dueReminder, formatReminderDays, nextReminder, parseReminderDays, reminderAt } from './reminderPlan'
import type { ReminderCandidate, RemindersRepository } from './remindersRepository'

interface Deps {
  editions: EditionsRepository
  reminders: RemindersRepository
  audit: AuditRepository
  notify: Pick<Notifications, 'reminder'>
}

/** A city that would be reminded, with its officers and its own deadline. */
export interface ReminderCity {
  cityId: number
  cityName: string
  responseStatus: string | null
  deadline: string
  officers: Array<{ email: string; displayName: string; signedUp: boolean; locale: string | null }>
}

/** Cities that can still answer (their deadline, or their extension, is ahead), with their officers. */
function citiesOf(edition: Edition, candidates: ReminderCandidate[], now: string): ReminderCity[] {
  const cities = new Map<number, ReminderCity>()
  for (const c of candidates) {
    const deadline = c.extendedUntil ?? edition.closesAt
    if (!deadline || deadline <= now) continue
    if (edition.status !== 'open' && !c.extendedUntil) continue
    const city = cities.get(c.cityId) ?? {
      cityId: c.cityId,
      cityName: c.cityName,
      responseStatus: c.responseStatus,
      deadline,
      officers: [],
    }
    city.officers.push({ email: c.email, displayName: c.displayName, signedUp: c.signedUp, locale: c.locale })
    cities.set(c.cityId, city)
  }
  return [...cities.values()]
}

/** Reminders before the deadline: settings, a preview of who gets them, the scheduled job, and sending now. */
export function reminderService(deps: Deps) {
  const find = async (year: number) => {
    const edition = await deps.editions.findByYear(year)
    if (!edition) throw new NotFoundError(`There is no survey year ${year}`)
    return edition
  }
  const settingsOf = async (edition: Edition) => {
    const saved = await deps.reminders.settings(edition.id)
    const parsed = parseReminderDays(saved?.days ?? '')
    return { days: parsed.ok ? parsed.days : [], enabled: saved?.enabled ?? false }
  }

  /** Queues one city's reminder to each of its officers; false when that scheduled day was already sent. */
  async function remind(
    edition: Edition,
    city: ReminderCity,
    daysBefore: number | null,
    by: number | null,
    at: string,
  ) {
    // Each officer reads the deadline in their own language.
    const messages = await Promise.all(
      city.officers.map((officer) =>
        deps.notify.reminder(
          { ...officer, cityId: city.cityId },
          {
            year: edition.year,
            cityName: city.cityName,
            deadline: formatDeadline(city.deadline, edition.timeZone, officer.locale),
          },
        ),
      ),
    )
    const sent = { editionId: edition.id, cityId: city.cityId, daysBefore, sentBy: by, at }
    return (await deps.reminders.recordAndQueue(sent, messages)) ? messages.length : 0
  }

  return {
    /** For the survey year's settings page: the days as typed and whether reminders are on. */
    async settings(year: number) {
      const edition = await find(year)
      const { days, enabled } = await settingsOf(edition)
      return { days: formatReminderDays(days), enabled }
    },

    /** Saves the reminder days ("14, 3"); audited. Switching on is done from the preview. */
    async saveDays(year: number, input: string, actorId: number): Promise<{ errors: FieldError[] }> {
      const edition = await find(year)
      const parsed = parseReminderDays(input)
      if (!parsed.ok) return { errors: [{ href: '#reminderDays', text: parsed.message }] }
      const days = formatReminderDays(parsed.days)
      await deps.reminders.save(edition.id, { days }, nowIso())
      await deps.audit.record({
        actorId,
        type: 'reminder_days',
        subject: editionSubject(year),
        detail: { days },
      })
      return { errors: [] }
    },

    /** Who would be reminded, per city, and when: what the job sends, so it can be checked before switching on. */
    async preview(year: number, now: string = nowIso()) {
      const edition = await find(year)
      const { days, enabled } = await settingsOf(edition)
      const cities = citiesOf(edition, await deps.reminders.candidates(edition.id), now)
      const sent = await deps.reminders.sent(edition.id)
      const format = (instant: string) => formatDeadline(instant, edition.timeZone)
      return {
        edition,
        days,
        enabled,
        deadline: edition.closesAt ? format(edition.closesAt) : undefined,
        stages: edition.closesAt
          ? days.map((d) => ({
              days: d,
              at: format(reminderAt(edition.closesAt!, d)),
              past: reminderAt(edition.closesAt!, d) <= now,
            }))
          : [],
        cities: cities.map((city) => {
          const next = nextReminder(days, city.deadline, now)
          const due = dueReminder(days, city.deadline, now)
          const sentHere = sent.filter((s) => s.cityId === city.cityId)
          return {
            ...city,
            deadline: format(city.deadline),
            extended: city.deadline !== edition.closesAt,
            dueNow: due !== null && !sentHere.some((s) => s.daysBefore === due) ? due : null,
            next: next && { days: next.days, at: format(next.at) },
            lastSent: sentHere.at(-1)?.sentAt ?? null,
          }
        }),
        officers: cities.reduce((n, c) => n + c.officers.length, 0),
      }
    },

    /** Switches a survey year's reminders on or off; audited. */
    async setEnabled(year: number, enabled: boolean, actorId: number): Promise<{ errors: FieldError[] }> {
      const edition = await find(year)
      const { days } = await settingsOf(edition)
      if (enabled && days.length === 0)
        return {
          errors: [{ href: '#reminderDays', text: 'Set the reminder days on the survey year’s page first' }],
        }
      if (enabled && !edition.closesAt)
        return { errors: [{ href: '#reminderDays', text: 'Set the survey year’s closing date first' }] }
      await deps.reminders.save(edition.id, { enabled }, nowIso())
      await deps.audit.record({
        actorId,
        type: enabled ? 'reminders_on' : 'reminders_off',
        subject: editionSubject(year),
        detail: { days: formatReminderDays(days) },
      })
      return { errors: [] }
    },

    /** The scheduled job: each city's due reminder, once. Returns a summary for /admin/jobs. */
    async sendDue(now: string = nowIso()): Promise<string> {
      let cities = 0
      let messages = 0
      for (const editionId of await deps.reminders.enabledEditionIds()) {
        const edition = await deps.editions.findById(editionId)
        if (!edition) continue
        const { days } = await settingsOf(edition)
        for (const city of citiesOf(edition, await deps.reminders.candidates(edition.id), now)) {
          const due = dueReminder(days, city.deadline, now)
          if (due === null) continue
          const queued = await remind(edition, city, due, null, now)
          if (queued > 0) cities += 1
          messages += queued
        }
      }
      return `${cities} ${cities === 1 ? 'city' : 'cities'} reminded (${messages} ${messages === 1 ? 'message' : 'messages'})`
    },

    /**
     * An administrator's reminder to chosen cities, now, whatever the days. Cities that have
     * submitted (or whose deadline has passed) are skipped. Audited.
     */
    async sendNow(year: number, cityIds: number[], actorId: number, now: string = nowIso()) {
      const edition = await find(year)
      const chosen = [...new Set(cityIds)]
      const cities = chosen.length
        ? citiesOf(edition, await deps.reminders.candidates(edition.id, chosen), now)
        : []
      let messages = 0
      for (const city of cities) messages += await remind(edition, city, null, actorId, now)
      if (cities.length)
        await deps.audit.record({
          actorId,
          type: 'reminder_sent',
          subject: editionSubject(year),
          detail: { cities: cities.map((c) => ({ id: c.cityId, name: c.cityName })), messages },
        })
      return { cities: cities.map((c) => c.cityName), messages, skipped: chosen.length - cities.length }
    },
  }
}

export type ReminderService = ReturnType<typeof reminderService>
