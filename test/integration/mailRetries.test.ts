import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import {
  freePort,
  logLines,
  mailUrl,
  startMailServer,
  type MailServer,
  setAsideEarlierMail,
} from '../support/mailServer'
import { mailSender } from '../../src/mail/mailSender'
import { smtpTransport } from '../../src/mail/mailTransport'

const port = await freePort()
const t = testApp({ MAIL_URL: mailUrl(port) })
beforeAll(() => setAsideEarlierMail(t))
let smtp: MailServer | undefined
afterAll(async () => {
  await t.close()
  await smtp?.close()
})

describe('the sender while the SMTP server is down, then up', () => {
  it('when the server is down, then messages stay queued with attempts and backoff; when it is up, then each is delivered exactly once', async () => {
    const admin = await buildUser(t.repos, { role: 'admin' })
    const city = await buildCity(t.repos)
    const emails = [1, 2].map((i) => `retry-${i}-${Math.random().toString(36).slice(2, 8)}@example.test`)
    for (const email of emails) {
      const created = await t.services.accountAdmin.create(
        { id: admin.id, ip: null },
        { email, displayName: 'Rene Retry', role: 'officer', cityId: String(city.id) },
      )
      expect(created.ok).toBe(true)
    }
    let clock = Date.now()
    const sender = mailSender({
      outbox: t.repos.outbox,
      transport: smtpTransport(t.config.mail.url!),
      from: t.config.mail.from,
      logger: logLines(),
      outboxUrl: (id) => `/admin/outbox/${id}`,
      now: () => new Date(clock),
    })
    const ours = () => t.knex('outbox').whereIn('recipient', emails).orderBy('id')

    await sender.deliverDue()
    for (const row of await ours()) {
      expect([row.status, row.attempts, row.locked_until]).toEqual(['queued', 1, null])
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i)
      expect(row.next_attempt_at).toBe(new Date(clock + 60_000).toISOString())
    }

    await sender.deliverDue()
    expect((await ours()).map((row) => row.attempts)).toEqual([1, 1])

    clock += 61_000
    await sender.deliverDue()
    for (const row of await ours()) {
      expect([row.status, row.attempts]).toEqual(['queued', 2])
      expect(row.next_attempt_at).toBe(new Date(clock + 120_000).toISOString())
    }

    smtp = await startMailServer(port)
    clock += 121_000
    await sender.deliverDue()
    clock += 3_600_000
    await sender.deliverDue()
    for (const email of emails) expect(smtp.to(email)).toHaveLength(1)
    expect((await ours()).map((row) => [row.status, row.attempts, row.last_error])).toEqual([
      ['sent', 3, null],
      ['sent', 3, null],
    ])
  })
})
