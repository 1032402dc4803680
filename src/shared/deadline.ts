/**
 * Deadlines: a closing date and time on the wall clock of a time zone (what an administrator
 * means by "31 December at 17:00, Amsterdam time"), stored as the UTC instant it stands for.
 */

/** Whether the runtime knows an IANA time zone name (e.g. Europe/Amsterdam). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone })
    return zone.length > 0
  } catch {
    return false
  }
}

/** How far `zone`'s wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)]),
  )
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
  return wall - Math.floor(instant / 1000) * 1000
}

/**
 * The UTC instant (ISO) of a date (YYYY-MM-DD) and time (HH:MM) in a time zone, or null without a
 * date. The offset is looked up twice, so a deadline next to a daylight-saving change is right.
 */
export function deadlineInstant(date: string | null, time: string, zone: string): string | null {
  if (!date) return null
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const wall = Date.UTC(y, m - 1, d, hh, mm)
  let instant = wall - offsetAt(wall, zone)
  instant = wall - offsetAt(instant, zone)
  return new Date(instant).toISOString()
}

/** "31 December 2026 at 17:00 (Europe/Amsterdam)"; in Spanish "31 de diciembre de 2026 a las 17:00 (…)". */
export function formatDeadline(instant: string, zone: string, locale?: string | null): string {
  const when = new Date(instant)
  const spanish = locale === 'es'
  const day = new Intl.DateTimeFormat(spanish ? 'es' : 'en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  })
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  return `${day.format(when)} ${spanish ? 'a las' : 'at'} ${time.format(when)} (${zone})`
}
