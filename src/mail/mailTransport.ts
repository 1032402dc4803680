import nodemailer from 'nodemailer'
import type { MailTransport } from './mailSender'

/**
 * An SMTP transport from MAIL_URL (smtp://user:pass@host:587 upgrades with STARTTLS when the
 * server offers it; smtps:// is TLS from the start). Timeouts keep one slow relay from holding
 * a sender's lease: about 50 s per message at worst.
 */
export function smtpTransport(url: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  })
  return {
    sendMail: (mail) => transporter.sendMail(mail),
    close: () => transporter.close(),
  }
}
