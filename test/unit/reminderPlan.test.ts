import { describe, expect, it } from 'vitest'
import { dueReminder, nextReminder, parseReminderDays } from '../../src/reminders/reminderPlan'
import { describeEvery, jobBackoffMs } from '../../src/jobs/jobCatalogue'

const DEADLINE = '2030-06-30T15:00:00.000Z'

describe('reminder days', () => {
  it('when days are typed in any order, with spaces or repeats, then they read largest first, each once', () => {
    expect(parseReminderDays(' 3, 14 ,3')).toEqual({ ok: true, days: [14, 3] })
    expect(parseReminderDays('')).toEqual({ ok: true, days: [] })
  })

  it('when a day is not a whole number from 1 to 365, or there are too many, then it says how to fix it', () => {
    for (const bad of ['0', '366', '2.5', 'soon', '-3'])
      expect(parseReminderDays(bad)).toMatchObject({
        ok: false,
        message: expect.stringContaining('1 to 365'),
      })
    expect(parseReminderDays('1,2,3,4,5,6')).toEqual({ ok: false, message: 'Enter at most 5 reminder days' })
  })

  it('when the clock passes each reminder moment, then the latest passed day is due, and none at or after the deadline', () => {
    expect(dueReminder([14, 3], DEADLINE, '2030-06-16T14:59:59.999Z')).toBeNull()
    expect(dueReminder([14, 3], DEADLINE, '2030-06-16T15:00:00.000Z')).toBe(14)
    expect(dueReminder([14, 3], DEADLINE, '2030-06-27T14:59:00.000Z')).toBe(14)
    expect(dueReminder([14, 3], DEADLINE, '2030-06-27T15:00:00.000Z')).toBe(3)
    expect(dueReminder([14, 3], DEADLINE, DEADLINE)).toBeNull()
    expect(nextReminder([14, 3], DEADLINE, '2030-06-20T00:00:00.000Z')).toEqual({
      days: 3,
      at: '2030-06-27T15:00:00.000Z',
    })
  })
})

describe('job schedules', () => {
  it('when a job keeps failing, then it waits 10 s, 20 s, 40 s … and at most an hour (or its own interval)', () => {
    expect([1, 2, 3].map((n) => jobBackoffMs(n, 5_000))).toEqual([10_000, 20_000, 40_000])
    expect(jobBackoffMs(30, 5_000)).toBe(3_600_000)
    expect(jobBackoffMs(30, 86_400_000)).toBe(86_400_000)
    expect([5_000, 60_000, 3_600_000, 7_200_000].map(describeEvery)).toEqual([
      'every 5 seconds',
      'every minute',
      'every hour',
      'every 2 hours',
    ])
  })
})
