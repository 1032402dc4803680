import type { NewMail } from './outboxRepository'
import type { MailComposer, MailWords, Recipient } from './mailComposer'
import type { CityOfficer } from './mailRecipientsRepository'
import { LINK_VALID_DAYS, linkPath } from '../accounts/passwordLinks'
import { surveyPaths } from '../web/surveyPaths'
import { adminPaths } from '../web/adminPaths'

/** Every kind of message, as stored in outbox.kind and offered as a filter. */
export const mailKinds = {
  invitation: 'Invitation',
  password_reset: 'Password reset',
  city_request_received: 'City request received',
  city_request_approved: 'City request approved',
  city_request_declined: 'City request declined',
  response_submitted: 'Response submitted',
  response_returned: 'Response returned',
  response_approved: 'Response approved',
  edition_published: 'Results published',
  reminder: 'Deadline reminder',
} as const
export type MailKind = keyof typeof mailKinds

export const RESET_LINK_VALID_MINUTES = 60

interface ResponseRef {
  id: number
  year: number
  city: { id: number; name: string }
}

const clip = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

/**
 * The wording of every notification, one function per event. Each renders messages for the
 * recipients it is given and touches no database: the service that causes them looks the
 * recipients up first, then writes the messages to the outbox in its own transaction (on
 * SQLite a transaction holds the one connection, so nothing else may query inside it).
 */
export function notifications(composer: MailComposer) {
  const each = (kind: MailKind, to: Recipient[], content: MailWords) =>
    Promise.all(to.map((recipient) => composer.compose(kind, recipient, content)))

  const service = composer.serviceName
  return {
    /** A new account's invitation with its one-time set-password link. */
    invitation: (to: Recipient, token: string, cityName: string | null): Promise<NewMail> =>
      composer.compose('invitation', to, (t) => ({
        subject: t('mail.invitation.subject', { service }),
        paragraphs: [
          cityName
            ? t('mail.invitation.forCity', { service, city: cityName })
            : t('mail.invitation.noCity', { service }),
        ],
        action: { text: t('mail.invitation.action'), path: linkPath(token) },
        after: [
          t('mail.invitation.linkWorks', { days: LINK_VALID_DAYS, email: to.email }),
          t('mail.invitation.ignore'),
        ],
      })),

    passwordReset: (to: Recipient, token: string): Promise<NewMail> =>
      composer.compose('password_reset', to, (t) => ({
        subject: t('mail.passwordReset.subject', { service }),
        paragraphs: [t('mail.passwordReset.intro')],
        action: { text: t('mail.passwordReset.action'), path: linkPath(token) },
        after: [
          t('mail.passwordReset.linkWorks', { minutes: RESET_LINK_VALID_MINUTES }),
          t('mail.passwordReset.ignore'),
        ],
      })),

    cityRequestReceived: (admins: Recipient[], request: { id: number; cityName: string; country: string }) =>
      each('city_request_received', admins, (t) => ({
        subject: t('mail.cityRequestReceived.subject', { city: request.cityName }),
        paragraphs: [
          t('mail.cityRequestReceived.intro', { city: request.cityName, country: request.country }),
        ],
        action: { text: t('mail.cityRequestReceived.action'), path: adminPaths.cityRequest(request.id) },
      })),

    cityRequestApproved: (to: Recipient, token: string, cityName: string): Promise<NewMail> =>
      composer.compose('city_request_approved', to, (t) => ({
        subject: t('mail.cityRequestApproved.subject', { city: cityName, service }),
        paragraphs: [t('mail.cityRequestApproved.intro', { city: cityName })],
        action: { text: t('mail.cityRequestApproved.action'), path: linkPath(token) },
        after: [t('mail.cityRequestApproved.linkWorks', { days: LINK_VALID_DAYS })],
      })),

    cityRequestDeclined: (to: Recipient, cityName: string, reason: string): Promise<NewMail> =>
      composer.compose('city_request_declined', to, (t) => ({
        subject: t('mail.cityRequestDeclined.subject', { city: cityName }),
        paragraphs: [
          t('mail.cityRequestDeclined.intro', { city: cityName }),
          t('mail.cityRequestDeclined.reason', { reason }),
        ],
        after: [t('mail.cityRequestDeclined.mistake')],
      })),

    responseSubmitted: (admins: Recipient[], ref: ResponseRef) =>
      each('response_submitted', admins, (t) => ({
        subject: t('mail.responseSubmitted.subject', { city: ref.city.name, year: ref.year }),
        paragraphs: [t('mail.responseSubmitted.intro', { city: ref.city.name, year: ref.year })],
        action: { text: t('mail.responseSubmitted.action'), path: adminPaths.response(ref.id) },
      })),

    /** To the city's officers, with the reviewer's open comments summarised. */
    responseReturned: (
      officers: Recipient[],
      ref: ResponseRef,
      comments: Array<{ question?: string; body: string }>,
    ) =>
      each('response_returned', officers, (t) => ({
        subject: t('mail.responseReturned.subject', { city: ref.city.name, year: ref.year }),
        paragraphs: [
          t('mail.responseReturned.intro', { city: ref.city.name, year: ref.year }),
          t('mail.responseReturned.comments', { count: comments.length }),
        ],
        items: comments.map((c) => clip(c.question ? `${c.question}: ${c.body}` : c.body)),
        action: { text: t('mail.responseReturned.action'), path: surveyPaths.taskList(ref.year) },
        after: [t('mail.responseReturned.again')],
      })),

    responseApproved: (officers: Recipient[], ref: ResponseRef) =>
      each('response_approved', officers, (t) => ({
        subject: t('mail.responseApproved.subject', { city: ref.city.name, year: ref.year }),
        paragraphs: [
          t('mail.responseApproved.thanks', { city: ref.city.name, year: ref.year }),
          t('mail.responseApproved.profile'),
        ],
        action: { text: t('mail.responseApproved.action'), path: surveyPaths.taskList(ref.year) },
      })),

    /** A reminder before the deadline to an officer of a city that has not submitted. */
    reminder: (
      to: Recipient & { signedUp: boolean },
      about: { year: number; cityName: string; deadline: string },
    ): Promise<NewMail> =>
      composer.compose('reminder', to, (t) => {
        const { year, cityName: city, deadline } = about
        return {
          subject: t('mail.reminder.subject', { city, year, deadline }),
          paragraphs: [
            t('mail.reminder.notYet', { city, year, service }),
            t('mail.reminder.deadline', { deadline }),
          ],
          action: { text: t('mail.reminder.action'), path: surveyPaths.taskList(year) },
          after: [
            t(to.signedUp ? 'mail.reminder.signedUp' : 'mail.reminder.notSignedUp', { email: to.email }),
            t('mail.reminder.tellUs'),
          ],
        }
      }),

    /** To every officer of a city with an approved response, each with their city's profile. */
    editionPublished: (officers: CityOfficer[], edition: { year: number }) =>
      Promise.all(
        officers.map((officer) =>
          composer.compose('edition_published', officer, (t) => ({
            subject: t('mail.editionPublished.subject', { year: edition.year }),
            paragraphs: [t('mail.editionPublished.intro', { year: edition.year, city: officer.cityName })],
            action: {
              text: t('mail.editionPublished.action', { city: officer.cityName }),
              path: `/cities/${encodeURIComponent(officer.citySlug)}/${edition.year}`,
            },
          })),
        ),
      ),
  }
}

export type Notifications = ReturnType<typeof notifications>
