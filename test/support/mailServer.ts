import net from 'node:net'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { TestApp } from './testApp'
import { mailSenderFor } from '../../src/mail/mailServices'

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[]
  subject: string
  text: string
  html: string
  parsed: ParsedMail
}

export const SMTP_USER = 'survey'
export const SMTP_PASS = 'relay-secret'

/** A port nothing listens on now (for "the relay is down"); a server may be started on it later. */
export async function freePort(): Promise<number> {
  const probe = net.createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as net.AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

/**
 * A real SMTP server in this process (smtp-server), requiring the test credentials, that
 * parses every message it accepts with mailparser. `refuse` makes it reject recipients (550).
 */
export async function startMailServer(port = 0, refuse: (address: string) => boolean = () => false) {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    // Plain SMTP on localhost: no certificate to trust, so no STARTTLS; AUTH over it is allowed.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS)
        return callback(null, { user: SMTP_USER })
      callback(new Error('Invalid username or password'))
    },
    onRcptTo(address, _session, callback) {
      if (!refuse(address.address)) return callback()
      const error = new Error('Mailbox unavailable') as Error & { responseCode: number }
      error.responseCode = 550
      callback(error)
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          parsed,
        })
        callback()
      }, callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.server.address() as net.AddressInfo
  return {
    port: address.port,
    received,
    to: (email: string) => received.filter((mail) => mail.to.includes(email)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type MailServer = Awaited<ReturnType<typeof startMailServer>>

export const mailUrl = (port: number) => `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`

/** Log lines a sender writes, kept for assertions. */
export function logLines() {
  const lines: string[] = []
  return { lines, info: (line: string) => lines.push(line), warn: (line: string) => lines.push(line) }
}

/** The app's sender for this test app's configuration; tests call deliverDue() themselves. */
export const senderOf = (t: TestApp, logger = logLines()) => mailSenderFor(t.config, t.repos.outbox, logger)

/** The first absolute link to this site in a message's text. */
export function linkIn(text: string, baseUrl: string): string {
  const match = new RegExp(`${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/[^\\s]*)`).exec(text)
  if (!match) throw new Error(`No link to ${baseUrl} in:\n${text}`)
  return match[1]
}

/**
 * On PostgreSQL every test file shares one database, so the outbox holds what earlier files
 * queued (a bulk import queues 200 invitations): those are set aside, so this file's sender
 * delivers only its own messages. On SQLite each file has its own copy and this changes nothing.
 */
export async function setAsideEarlierMail(t: TestApp): Promise<void> {
  await t.knex('outbox').where({ status: 'queued' }).update({ status: 'logged' })
}
