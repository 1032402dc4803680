import { afterAll, beforeAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startApp, type RunningApp } from './appServer'
import { launchBrowser, type Browser } from './browser'
import { mailUrl, startMailServer, type MailServer, type ReceivedMail } from '../../support/mailServer'

export interface MailJourney {
  app: RunningApp
  browser: Browser
  smtp: MailServer
  page: () => Promise<Page>
}

/**
 * A real SMTP server in the test process, and the real app (`npm start`'s entry point, with
 * its own mail sender) started with MAIL_URL pointing at it: what the app sends arrives
 * here exactly as it would reach a relay in production.
 */
export function useMailJourney(): MailJourney {
  const journey = {} as MailJourney
  beforeAll(async () => {
    journey.smtp = await startMailServer()
    journey.app = await startApp({ MAIL_URL: mailUrl(journey.smtp.port) })
    journey.browser = await launchBrowser()
    journey.page = () => journey.browser.context.newPage()
  })
  afterAll(async () => {
    await journey.browser?.close()
    await journey.app?.stop()
    await journey.smtp?.close()
  })
  return journey
}

/** How long a message may take to arrive: the sender runs every few seconds, slower on a busy machine. */
const MAIL_TIMEOUT_MS = 60_000

/**
 * Waits until the SMTP server has received the `nth` message (1 = the first) to `to` with
 * this subject, and returns it. It knows nothing of how the app schedules its sending: only
 * that mail arrives.
 */
export async function waitForMail(
  smtp: MailServer,
  to: string,
  subject: string,
  nth = 1,
): Promise<ReceivedMail> {
  const deadline = Date.now() + MAIL_TIMEOUT_MS
  for (;;) {
    const found = smtp.to(to).filter((mail) => mail.subject === subject)[nth - 1]
    if (found) return found
    if (Date.now() > deadline) {
      const seen = smtp.received.map((mail) => `${mail.to.join(', ')}: ${mail.subject}`).join('\n  ')
      throw new Error(
        `No mail number ${nth} to ${to} with subject "${subject}" within ${MAIL_TIMEOUT_MS / 1000} s; received:\n  ${seen || '(nothing)'}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The one link in a message's text to a page of this site, as an absolute URL. */
export function actionLink(mail: ReceivedMail, baseUrl: string): string {
  const links = [...mail.text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0])
  const action = links.filter((link) => link.startsWith(baseUrl) && link !== `${baseUrl}/`)
  if (action.length !== 1)
    throw new Error(
      `Expected one link to a page of ${baseUrl} in "${mail.subject}", found: ${links.join(' ')}`,
    )
  return action[0]
}
