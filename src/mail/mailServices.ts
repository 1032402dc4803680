import path from 'node:path'
import type { Config } from '../config'
import type { AuditRepository } from '../accounts/auditRepository'
import type { OutboxRepository } from './outboxRepository'
import type { MailRecipientsRepository } from './mailRecipientsRepository'
import { mailComposer } from './mailComposer'
import { notifications, type Notifications } from './notifications'
import { outboxService } from './outboxService'
import { mailSender } from './mailSender'
import { smtpTransport } from './mailTransport'
import { adminPaths } from '../web/adminPaths'

const viewsDir = path.resolve(import.meta.dirname, '../../views')

/** What a service that causes mail needs: the wording, and who gets it. */
export interface Mail {
  notify: Notifications
  recipients: MailRecipientsRepository
}

/** The mail capability's services: notifications for other services, the outbox for administrators. */
export function mailServices(
  config: Config,
  repos: { outbox: OutboxRepository; mailRecipients: MailRecipientsRepository; audit: AuditRepository },
) {
  const composer = mailComposer({
    baseUrl: config.publicBaseUrl,
    viewsDir,
    cache: config.viewCache,
    serviceName: config.identity.surveyName,
  })
  return {
    mail: { notify: notifications(composer), recipients: repos.mailRecipients } satisfies Mail,
    outbox: outboxService({ outbox: repos.outbox, audit: repos.audit }),
  }
}

/** The sender for this configuration: SMTP from MAIL_URL, or the log without it. */
export function mailSenderFor(
  config: Config,
  outbox: OutboxRepository,
  logger: { info(message: string): void; warn(message: string): void },
) {
  if (!config.mail.url && config.env === 'production')
    logger.warn('MAIL_URL is not set: no mail is sent; administrators read it at /admin/outbox')
  return mailSender({
    outbox,
    transport: config.mail.url ? smtpTransport(config.mail.url) : null,
    from: config.mail.from,
    logger,
    outboxUrl: (id) => `${config.publicBaseUrl}${adminPaths.outboxMessage(id)}`,
  })
}
