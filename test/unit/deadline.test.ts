import { describe, expect, it } from 'vitest'
import { deadlineInstant, formatDeadline, isTimeZone } from '../../src/shared/deadline'

describe('deadlines in a time zone', () => {
  it('when a deadline is set on Amsterdam’s clock, then it is stored as the UTC instant, in winter and in summer', () => {
    expect(deadlineInstant('2026-12-31', '17:00', 'Europe/Amsterdam')).toBe('2026-12-31T16:00:00.000Z')
    expect(deadlineInstant('2026-07-01', '17:00', 'Europe/Amsterdam')).toBe('2026-07-01T15:00:00.000Z')
    expect(deadlineInstant('2026-12-31', '23:59', 'UTC')).toBe('2026-12-31T23:59:00.000Z')
    expect(deadlineInstant('2026-12-31', '09:30', 'America/Bogota')).toBe('2026-12-31T14:30:00.000Z')
  })

  it('when the deadline falls on the night clocks change, then the offset of that moment is used', () => {
    // 29 March 2026: Amsterdam moves from UTC+1 to UTC+2 at 02:00 local time.
    expect(deadlineInstant('2026-03-29', '12:00', 'Europe/Amsterdam')).toBe('2026-03-29T10:00:00.000Z')
    expect(deadlineInstant('2026-03-29', '01:00', 'Europe/Amsterdam')).toBe('2026-03-29T00:00:00.000Z')
  })

  it('when there is no closing date, then there is no deadline', () => {
    expect(deadlineInstant(null, '17:00', 'UTC')).toBeNull()
  })

  it('when a deadline is shown, then it reads on the zone’s own clock, with the zone named', () => {
    expect(formatDeadline('2026-12-31T16:00:00.000Z', 'Europe/Amsterdam')).toBe(
      '31 December 2026 at 17:00 (Europe/Amsterdam)',
    )
  })

  it('when a time zone name is checked, then only real IANA names pass', () => {
    expect(isTimeZone('Europe/Amsterdam')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })
})
