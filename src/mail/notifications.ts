import type { NewMail } from './outboxRepository'
import type { MailComposer, Recipient } from './mailComposer'
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
  const each = (kind: MailKind, to: Recipient[], content: Parameters<MailComposer['compose']>[2]) =>
    Promise.all(to.map((recipient) => composer.compose(kind, recipient, content)))

  return {
    /** A new account's invitation with its one-time set-password link. */
    invitation: (to: Recipient, token: string, cityName: string | null): Promise<NewMail> =>
      composer.compose('invitation', to, {
        subject: `Create your password for the ${composer.serviceName}`,
        paragraphs: [
          cityName
            ? `An account has been created for you to answer the ${composer.serviceName} for ${cityName}.`
            : `An account has been created for you on the ${composer.serviceName}.`,
        ],
        action: { text: 'Create your password', path: linkPath(token) },
        after: [
          `The link works once, for ${LINK_VALID_DAYS} days. Your email address ${to.email} is your user name.`,
          'If you did not expect this email, you can ignore it.',
        ],
      }),

    passwordReset: (to: Recipient, token: string): Promise<NewMail> =>
      composer.compose('password_reset', to, {
        subject: `Reset your password for the ${composer.serviceName}`,
        paragraphs: ['Someone asked to reset the password of your account. If it was you, use this link.'],
        action: { text: 'Choose a new password', path: linkPath(token) },
        after: [
          `The link works once, for ${RESET_LINK_VALID_MINUTES} minutes. Setting a new password signs you out everywhere.`,
          'If you did not ask for this, you can ignore this email: your password stays as it is.',
        ],
      }),

    cityRequestReceived: (admins: Recipient[], request: { id: number; cityName: string; country: string }) =>
      each('city_request_received', admins, {
        subject: `New request to add ${request.cityName}`,
        paragraphs: [`Someone asked to add ${request.cityName} (${request.country}) to the survey.`],
        action: { text: 'Review the request', path: adminPaths.cityRequest(request.id) },
      }),

    cityRequestApproved: (to: Recipient, token: string, cityName: string): Promise<NewMail> =>
      composer.compose('city_request_approved', to, {
        subject: `${cityName} has been added to the ${composer.serviceName}`,
        paragraphs: [
          `Your request has been approved: ${cityName} can now take part, and you are its innovation officer.`,
        ],
        action: { text: 'Create your password', path: linkPath(token) },
        after: [`The link works once, for ${LINK_VALID_DAYS} days.`],
      }),

    cityRequestDeclined: (to: Recipient, cityName: string, reason: string): Promise<NewMail> =>
      composer.compose('city_request_declined', to, {
        subject: `Your request to add ${cityName}`,
        paragraphs: [`We could not add ${cityName} to the survey.`, `The reason: ${reason}`],
        after: ['If you think this is a mistake, reply to this email.'],
      }),

    responseSubmitted: (admins: Recipient[], ref: ResponseRef) =>
      each('response_submitted', admins, {
        subject: `${ref.city.name} submitted its ${ref.year} response`,
        paragraphs: [`${ref.city.name}'s response to the ${ref.year} survey is ready for review.`],
        action: { text: 'Review the response', path: adminPaths.response(ref.id) },
      }),

    /** To the city's officers, with the reviewer's open comments summarised. */
    responseReturned: (
      officers: Recipient[],
      ref: ResponseRef,
      comments: Array<{ question?: string; body: string }>,
    ) =>
      each('response_returned', officers, {
        subject: `Changes needed to ${ref.city.name}'s ${ref.year} response`,
        paragraphs: [
          `The survey team has returned ${ref.city.name}'s ${ref.year} response for changes.`,
          comments.length === 1 ? 'Their comment:' : `Their ${comments.length} comments:`,
        ],
        items: comments.map((c) => clip(c.question ? `${c.question}: ${c.body}` : c.body)),
        action: { text: 'Change your answers', path: surveyPaths.taskList(ref.year) },
        after: ['Submit the response again once you have made the changes.'],
      }),

    responseApproved: (officers: Recipient[], ref: ResponseRef) =>
      each('response_approved', officers, {
        subject: `${ref.city.name}'s ${ref.year} response has been approved`,
        paragraphs: [
          `Thank you: ${ref.city.name}'s ${ref.year} response has been approved.`,
          "Your city's profile will be published with the survey's results.",
        ],
        action: { text: 'Go to your response', path: surveyPaths.taskList(ref.year) },
      }),

    /** A reminder before the deadline to an officer of a city that has not submitted. */
    reminder: (
      to: Recipient & { signedUp: boolean },
      about: { year: number; cityName: string; deadline: string },
    ): Promise<NewMail> =>
      composer.compose('reminder', to, {
        subject: `Reminder: ${about.cityName}'s ${about.year} response is due by ${about.deadline}`,
        paragraphs: [
          `${about.cityName} has not yet submitted its response to the ${about.year} ${composer.serviceName}.`,
          `The deadline is ${about.deadline}. After it, answers can no longer be saved.`,
        ],
        action: { text: 'Go to your response', path: surveyPaths.taskList(about.year) },
        after: [
          to.signedUp
            ? `Your user name is your email address, ${to.email}. If you have forgotten your password, choose "Forgotten your password?" on the sign-in page.`
            : `You have not yet created your password. If your invitation link no longer works, choose "Forgotten your password?" on the sign-in page and enter ${to.email}.`,
          'If your city has already submitted, or you are no longer its officer, please tell the survey team.',
        ],
      }),

    /** To every officer of a city with an approved response, each with their city's profile. */
    editionPublished: (officers: CityOfficer[], edition: { year: number }) =>
      Promise.all(
        officers.map((officer) =>
          composer.compose('edition_published', officer, {
            subject: `The ${edition.year} results are published`,
            paragraphs: [
              `The ${edition.year} survey results are published, with ${officer.cityName}'s profile.`,
            ],
            action: {
              text: `See ${officer.cityName}'s profile`,
              path: `/cities/${encodeURIComponent(officer.citySlug)}/${edition.year}`,
            },
          }),
        ),
      ),
  }
}

export type Notifications = ReturnType<typeof notifications>
