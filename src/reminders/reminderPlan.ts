/** Reminder days as data: parsing what an administrator types, and which reminder is due when. */

const DAY_MS = 86_400_000
export const MAX_REMINDER_DAYS = 5

export type DaysParse = { ok: true; days: number[] } | { ok: false; message: string }

/**
 * "14, 3" → [14, 3] (largest first, each once). Empty means no reminders. Each a whole number of
 * days from 1 to 365, at most five of them.
 */
export function parseReminderDays(input: string): DaysParse {
  const parts = input
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)
  if (parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) < 1 || Number(part) > 365))
    return {
      ok: false,
      message: 'Enter whole numbers of days from 1 to 365, separated by commas, like 14, 3',
    }
  const days = [...new Set(parts.map(Number))].sort((a, b) => b - a)
  if (days.length > MAX_REMINDER_DAYS)
    return { ok: false, message: `Enter at most ${MAX_REMINDER_DAYS} reminder days` }
  return { ok: true, days }
}

export const formatReminderDays = (days: number[]): string => days.join(', ')

/** When the reminder `days` before a deadline is due (the same time of day, whole days earlier). */
export const reminderAt = (deadline: string, days: number): string =>
  new Date(Date.parse(deadline) - days * DAY_MS).toISOString()

/**
 * The reminder due for a city now: the latest day whose moment has passed, while the deadline has
 * not. A reminder missed while nothing ran (the server was down over the 14-day mark) is not sent
 * once the next one is due: the city gets the most recent one only.
 */
export function dueReminder(days: number[], deadline: string, now: string): number | null {
  if (now >= deadline) return null
  const passed = days.filter((d) => reminderAt(deadline, d) <= now)
  return passed.length ? Math.min(...passed) : null
}

/** The next reminder a city would get after `now`, if any: its day and when. */
export function nextReminder(
  days: number[],
  deadline: string,
  now: string,
): { days: number; at: string } | null {
  const coming = days
    .map((d) => ({ days: d, at: reminderAt(deadline, d) }))
    .filter((r) => r.at > now && r.at < deadline)
    .sort((a, b) => a.at.localeCompare(b.at))
  return coming[0] ?? null
}
