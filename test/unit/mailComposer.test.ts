import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mailComposer } from '../../src/mail/mailComposer'
import { notifications } from '../../src/mail/notifications'
import { backoffMs } from '../../src/mail/mailSender'

const composer = mailComposer({
  baseUrl: 'https://survey.example.org',
  viewsDir: path.resolve(import.meta.dirname, '../../views'),
  cache: false,
})
const notify = notifications(composer)
const officer = { email: 'o@example.org', displayName: 'Ola <Officer> & Co', cityId: 7 }

describe('mail bodies', () => {
  it('when a message is rendered, then the text is plain, the HTML is escaped, and every link starts at PUBLIC_BASE_URL', async () => {
    const mail = await notify.responseReturned(
      [officer],
      { id: 3, year: 2026, city: { id: 7, name: 'Ghent & "Gent"' } },
      [{ question: 'Do you have a strategy?', body: 'Attach <the> document' }, { body: 'x'.repeat(400) }],
    )
    expect(mail).toHaveLength(1)
    const [message] = mail
    expect(message).toMatchObject({ kind: 'response_returned', recipient: 'o@example.org', cityId: 7 })
    expect(message.subject).toBe(`Changes needed to Ghent & "Gent"'s 2026 response`)
    expect(message.text).toContain('Hello Ola <Officer> & Co,')
    expect(message.text).toContain('- Do you have a strategy?: Attach <the> document')
    expect(message.text).toContain(`- ${'x'.repeat(299)}…`)
    expect(message.text).toContain('Change your answers:\nhttps://survey.example.org/survey/2026\n')
    expect(message.text).toMatch(/--\nCity Innovation Survey\nhttps:\/\/survey\.example\.org\/\n$/)
    expect(message.html).toContain('Hello Ola &lt;Officer&gt; &amp; Co,')
    expect(message.html).toContain('Attach &lt;the&gt; document')
    expect(message.html).toContain('<a href="https://survey.example.org/survey/2026"')
    expect(message.html).not.toMatch(/<img|<script/i)
    expect([...message.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'https://survey.example.org/survey/2026',
      'https://survey.example.org/',
    ])
  })

  it('when a subject would hold a line break, then it is one line', async () => {
    const mail = await notify.cityRequestDeclined(officer, 'Evil\r\nBcc: x@example.org', 'No')
    expect(mail.subject).toBe('Your request to add Evil Bcc: x@example.org')
  })
})

describe('retry backoff', () => {
  it('when attempts fail, then the wait doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => backoffMs(n, 60_000, 3_600_000) / 60_000)).toEqual([
      1, 2, 4, 8, 60, 60, 60,
    ])
  })
})
