import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { logLines, mailUrl, startMailServer, setAsideEarlierMail } from '../support/mailServer'
import { createKnex } from '../../src/db/knex'
import { outboxRepository } from '../../src/mail/outboxRepository'
import { mailSender } from '../../src/mail/mailSender'
import { smtpTransport } from '../../src/mail/mailTransport'

const smtp = await startMailServer()
const t = testApp({ MAIL_URL: mailUrl(smtp.port) })
beforeAll(() => setAsideEarlierMail(t))
// A second app instance: its own knex (its own connections) over the same database.
const otherKnex = createKnex(t.config.database)
afterAll(async () => {
  await otherKnex.destroy()
  await t.close()
  await smtp.close()
})

const batch = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    kind: 'invitation',
    recipient: `${prefix}-${i}@example.test`,
    cityId: null,
    subject: `Message ${i}`,
    text: `Text ${i}`,
    html: `<p>Text ${i}</p>`,
  }))

const senderOver = (outbox: ReturnType<typeof outboxRepository>, now?: () => Date) =>
  mailSender({
    outbox,
    transport: smtpTransport(t.config.mail.url!),
    from: t.config.mail.from,
    logger: logLines(),
    outboxUrl: (id) => `/admin/outbox/${id}`,
    batchSize: 5,
    now,
  })

describe('two senders over one outbox', () => {
  it('when two instances deliver from one outbox at once, then each message is delivered exactly once', async () => {
    const prefix = `pair-${Math.random().toString(36).slice(2, 8)}`
    const messages = batch(prefix, 60)
    await t.repos.outbox.enqueue(messages)
    // Both connected before the race starts, so neither is still connecting while the other sends.
    await Promise.all([t.knex.raw('select 1'), otherKnex.raw('select 1')])
    const one = senderOver(t.repos.outbox)
    const two = senderOver(outboxRepository(otherKnex))
    const [a, b] = await Promise.all([one.deliverDue(), two.deliverDue()])

    const ours = smtp.received.filter((mail) => mail.to[0].startsWith(prefix))
    expect(ours).toHaveLength(60)
    expect(new Set(ours.map((mail) => mail.to[0])).size).toBe(60)
    const rows = await t.knex('outbox').where('recipient', 'like', `${prefix}-%`)
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(rows.map(() => ['sent', 1]))
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(60)
    expect(a.sent).toBeGreaterThan(0)
    expect(b.sent).toBeGreaterThan(0)
    console.info(`two senders: ${a.sent} and ${b.sent} messages`)
  })

  it('when a sender dies holding a claim, then another delivers those messages once the lease runs out, not before', async () => {
    const prefix = `lease-${Math.random().toString(36).slice(2, 8)}`
    await t.repos.outbox.enqueue(batch(prefix, 3))
    const start = Date.now()
    // The dead sender: it claimed everything due and never settled its claim.
    await t.repos.outbox.claimDue({
      by: 'dead-instance',
      now: new Date(start).toISOString(),
      until: new Date(start + 600_000).toISOString(),
      limit: 1000,
    })
    let clock = start
    const survivor = senderOver(outboxRepository(otherKnex), () => new Date(clock))
    await survivor.deliverDue()
    expect(smtp.received.filter((mail) => mail.to[0].startsWith(prefix))).toHaveLength(0)
    clock = start + 600_001
    await survivor.deliverDue()
    expect(smtp.received.filter((mail) => mail.to[0].startsWith(prefix))).toHaveLength(3)
  })
})
