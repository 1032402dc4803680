import path from 'node:path'
import ejs from 'ejs'
import type { NewMail } from './outboxRepository'
import { DEFAULT_LOCALE, isLocale, translator, type Translate } from '../i18n/catalogues'

export const SERVICE_NAME = 'City Innovation Survey'

/** Who a message goes to. */
export interface Recipient {
  email: string
  displayName: string
  cityId: number | null
  /** The account's language (users.locale): the message is written in it; English when none. */
  locale?: string | null
}

/** What one message says, as data: the two templates lay it out as text and as HTML. */
export interface MailContent {
  subject: string
  paragraphs: string[]
  /** A list after the paragraphs (e.g. the reviewer's comments). */
  items?: string[]
  /** The one thing to do, as a path on this site (made absolute from PUBLIC_BASE_URL). */
  action?: { text: string; path: string }
  /** Paragraphs after the action. */
  after?: string[]
}

interface Options {
  /** PUBLIC_BASE_URL without a trailing slash: every link starts here, never at a request's Host. */
  baseUrl: string
  viewsDir: string
  cache: boolean
  /** The survey's name in every message (the identity's, from the environment); by default SERVICE_NAME. */
  serviceName?: string
}

const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').trim()

/** A message's content, or its content in the words of the recipient's language. */
export type MailWords = MailContent | ((t: Translate) => MailContent)

/**
 * Renders messages from views/mail/message.{text,html}.ejs: the service name, a greeting, the
 * content and a link back to the site. No images, no tracking pixels, no rewritten links.
 */
export function mailComposer({ baseUrl, viewsDir, cache, serviceName = SERVICE_NAME }: Options) {
  const template = (name: string) => path.join(viewsDir, 'mail', name)
  const render = (name: string, data: ejs.Data, escape?: (text: string) => string) =>
    ejs.renderFile(template(name), data, { cache, root: viewsDir, ...(escape ? { escape } : {}) })

  return {
    serviceName,
    /** An absolute link to a path on this site. */
    url: (sitePath: string) => `${baseUrl}${sitePath}`,

    async compose(kind: string, to: Recipient, words: MailWords): Promise<NewMail> {
      const lang = isLocale(to.locale) ? to.locale : DEFAULT_LOCALE
      const t = translator(lang)
      const content = typeof words === 'function' ? words(t) : words
      const data = {
        t,
        lang,
        serviceName,
        siteUrl: `${baseUrl}/`,
        name: to.displayName,
        ...content,
        items: content.items ?? [],
        after: content.after ?? [],
        action: content.action && { text: content.action.text, url: `${baseUrl}${content.action.path}` },
      }
      const [text, html] = await Promise.all([
        // Plain text is not HTML: nothing to escape.
        render('message.text.ejs', data, (value) => String(value)),
        render('message.html.ejs', data),
      ])
      return { kind, recipient: to.email, cityId: to.cityId, subject: oneLine(content.subject), text, html }
    },
  }
}

export type MailComposer = ReturnType<typeof mailComposer>
