import type { DeadlineService } from '../review/deadlineService'
import type { ReminderService } from '../reminders/reminderService'
import type { MailSender } from '../mail/mailSender'
import { jobCatalogue, type JobName } from './jobCatalogue'
import type { JobDefinition, JobFamily } from './jobRunner'

/** The services whose work runs on a schedule. */
export interface ScheduledWork {
  deadlines: Pick<DeadlineService, 'closeDue'>
  reminders: Pick<ReminderService, 'sendDue'>
}

/** The app's recurring jobs with their work: what the runner in server.ts runs. */
export function appJobs(work: ScheduledWork, sender: MailSender): JobDefinition[] {
  const runs: Record<JobName, () => Promise<string>> = {
    'mail.deliver': async () => {
      const r = await sender.deliverDue()
      return `${r.sent} sent, ${r.logged} logged, ${r.retrying} to retry, ${r.failed} failed`
    },
    'editions.close-due': async () => {
      const years = await work.deadlines.closeDue()
      return years.length ? `closed ${years.join(', ')}` : 'none due'
    },
    'reminders.send': () => work.reminders.sendDue(),
  }
  return (Object.keys(runs) as JobName[]).map((name) => ({
    name,
    everyMs: jobCatalogue[name].everyMs,
    run: runs[name],
  }))
}

/**
 * The app's one-off jobs, which the runner in server.ts also picks up when pending: a retry after
 * a failure, or a run whose instance stopped before finishing (after its lease).
 */
export function appJobFamilies(work: { regeneration: { job: JobFamily } }): JobFamily[] {
  return [work.regeneration.job]
}
