/**
 * The recurring jobs and their schedules. The handlers are wired in `appJobs.ts`; this list is
 * what /admin/jobs describes, so it needs no runner.
 */
export const jobCatalogue = {
  'mail.deliver': {
    everyMs: 5_000,
    label: 'Send the outbox',
    what: 'Delivers queued messages (or logs them without MAIL_URL).',
  },
  'editions.close-due': {
    everyMs: 60_000,
    label: 'Close survey years at their deadline',
    what: 'Closes every open survey year whose deadline has passed.',
  },
  'reminders.send': {
    everyMs: 60 * 60_000,
    label: 'Send deadline reminders',
    what: 'Sends each city the reminder whose day has come, once (survey years with reminders switched on).',
  },
} as const

/**
 * One-off jobs: a profile regeneration per survey year, asked for by approvals, reopenings,
 * corrections, basis and wording changes and publishing (src/profiles/profileService.ts).
 */
export const REGENERATE_PREFIX = 'profiles.regenerate:'
export const regenerationJobName = (year: number): string => `${REGENERATE_PREFIX}${year}`
export const regenerationJob = {
  label: (key: string) => `Regenerate the ${key} profiles`,
  what: 'Recomputes the year’s shares and every city’s profile when its answers, basis or wording change; requests while it waits make one run.',
  schedule: 'when the data change',
}

export type JobName = keyof typeof jobCatalogue
export const jobNames = Object.keys(jobCatalogue) as JobName[]
export const isJobName = (name: string): name is JobName => Object.hasOwn(jobCatalogue, name)

const BACKOFF_BASE_MS = 10_000
const BACKOFF_MAX_MS = 60 * 60_000

/**
 * When a failed job runs again: 10 s, 20 s, 40 s … doubling, at most an hour (or the job's own
 * interval, when that is longer). So an hourly job that failed is retried sooner than hourly, and
 * a 5-second one that keeps failing backs off instead of filling the log.
 */
export function jobBackoffMs(attempts: number, everyMs: number): number {
  const doubling = BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempts - 1, 20))
  return Math.min(doubling, Math.max(BACKOFF_MAX_MS, everyMs))
}

/** "every 5 seconds", "every minute", "every hour". */
export function describeEvery(ms: number): string {
  const units: Array<[number, string]> = [
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ]
  for (const [size, unit] of units)
    if (ms % size === 0) return ms === size ? `every ${unit}` : `every ${ms / size} ${unit}s`
  return `every ${ms} ms`
}
