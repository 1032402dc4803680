import type { Services } from '../services'
import type { MailSender } from '../mail/mailSender'
import { jobCatalogue, type JobName } from './jobCatalogue'
import type { JobDefinition } from './jobRunner'

/** The app's recurring jobs with their work: what the runner in server.ts runs. */
export function appJobs(services: Pick<Services, 'review'>, sender: MailSender): JobDefinition[] {
  const work: Record<JobName, () => Promise<string>> = {
    'mail.deliver': async () => {
      const r = await sender.deliverDue()
      return `${r.sent} sent, ${r.logged} logged, ${r.retrying} to retry, ${r.failed} failed`
    },
    'editions.close-due': async () => {
      const years = await services.review.deadlines.closeDue()
      return years.length ? `closed ${years.join(', ')}` : 'none due'
    },
    'reminders.send': () => services.review.reminders.sendDue(),
  }
  return (Object.keys(work) as JobName[]).map((name) => ({
    name,
    everyMs: jobCatalogue[name].everyMs,
    run: work[name],
  }))
}
