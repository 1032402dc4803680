import crypto from 'node:crypto'
import os from 'node:os'
import type { OutboxMail, OutboxRepository } from './outboxRepository'

/** What the sender needs of nodemailer (or of anything else that can send a message). */
export interface MailTransport {
  sendMail(mail: { from: string; to: string; subject: string; text: string; html: string }): Promise<unknown>
}

interface Logger {
  info(message: string): void
  warn(message: string): void
}

export interface SenderOptions {
  outbox: Pick<OutboxRepository, 'claimDue' | 'markSent' | 'markLogged' | 'markAttemptFailed'>
  /** null without MAIL_URL: messages are printed to the log and stay readable at /admin/outbox. */
  transport: MailTransport | null
  from: string
  logger: Logger
  /** Where an administrator reads a message, for the log line. */
  outboxUrl: (id: number) => string
  now?: () => Date
  /** Messages per claim; with the transport's timeouts (about 50 s a message at worst) it fits the lease. */
  batchSize?: number
  leaseMs?: number
  maxAttempts?: number
  retryBaseMs?: number
  retryMaxMs?: number
}

export interface DeliveryReport {
  sent: number
  logged: number
  retrying: number
  failed: number
}

/** The SMTP server refused the address itself: trying again will not help. */
const refusedForGood = (error: unknown): boolean => {
  const { responseCode, command } = (error ?? {}) as { responseCode?: number; command?: string }
  return typeof responseCode === 'number' && responseCode >= 500 && /^RCPT/i.test(command ?? '')
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error ?? 'unknown error')

/** When the next attempt after `attempts` failed ones is due: doubling from base, capped. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1))
}

/**
 * Delivers the outbox. `deliverDue()` claims due messages with a lease (so two instances never
 * send the same one), sends each, and records the outcome: sent, or queued again with
 * exponential backoff, or failed for good after `maxAttempts` or when the address is refused.
 * It is one plain call: the `mail.deliver` job (src/jobs/appJobs.ts) runs it every few seconds,
 * and tests call it directly.
 */
export function mailSender(options: SenderOptions) {
  const {
    outbox,
    transport,
    from,
    logger,
    outboxUrl,
    now = () => new Date(),
    batchSize = 10,
    leaseMs = 10 * 60_000,
    maxAttempts = 24,
    retryBaseMs = 60_000,
    retryMaxMs = 60 * 60_000,
  } = options
  const instance = `${os.hostname()}:${process.pid}`

  async function deliver(mail: OutboxMail, by: string, report: DeliveryReport): Promise<void> {
    if (!transport) {
      logger.info(
        `mail not sent (no MAIL_URL): #${mail.id} ${mail.kind} to ${mail.recipient} "${mail.subject}", read it at ${outboxUrl(mail.id)}`,
      )
      await outbox.markLogged(mail.id, by)
      report.logged += 1
      return
    }
    try {
      await transport.sendMail({
        from,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      })
    } catch (error) {
      const attempts = mail.attempts + 1
      const giveUp = attempts >= maxAttempts || refusedForGood(error)
      const next = giveUp
        ? null
        : new Date(now().getTime() + backoffMs(attempts, retryBaseMs, retryMaxMs)).toISOString()
      await outbox.markAttemptFailed(mail.id, by, describe(error), next)
      logger.warn(`mail #${mail.id} to ${mail.recipient} not sent (attempt ${attempts}): ${describe(error)}`)
      report[giveUp ? 'failed' : 'retrying'] += 1
      return
    }
    await outbox.markSent(mail.id, by, now().toISOString())
    report.sent += 1
  }

  /** Sends every message due now, a batch at a time, until a claim finds none. */
  async function deliverDue(): Promise<DeliveryReport> {
    const report: DeliveryReport = { sent: 0, logged: 0, retrying: 0, failed: 0 }
    for (;;) {
      const at = now()
      const claim = {
        by: `${instance}:${crypto.randomUUID()}`,
        now: at.toISOString(),
        until: new Date(at.getTime() + leaseMs).toISOString(),
        limit: batchSize,
      }
      const batch = await outbox.claimDue(claim)
      for (const mail of batch) await deliver(mail, claim.by, report)
      // Not "fewer than asked": under concurrency a claim can come back short while more is due.
      if (batch.length === 0) return report
    }
  }

  return { deliverDue }
}

export type MailSender = ReturnType<typeof mailSender>
