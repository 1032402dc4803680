import type { CollectionRepositories } from './collectionRepositories'
import type { Answers } from '../questionnaire/answerCodec'
import type { Edition } from '../questionnaire/editionsRepository'
import { visibleAnswers } from '../questionnaire/visibility'
import { NotFoundError } from '../shared/errors'
import { nowIso } from '../shared/clock'
import { formatDeadline } from '../shared/deadline'
import type { EditedAnswerRow, ResponseSummary } from '../responses/responseRecords'
import type { ReviewComment } from '../responses/reviewCommentsRepository'
import { asOfficer, type Officer } from '../web/actor'
import { answersFromRows } from './surveyModel'
import { editionInLanguage } from '../questionnaire/editionInLanguage'
import { DEFAULT_LOCALE, translator, type Locale, type Translate } from '../i18n/catalogues'

export { asOfficer, type Officer }

/** The `t` of the officer's pages (their request's language). */
export const officerT = (officer: Officer): Translate => translator(officer.locale ?? DEFAULT_LOCALE)

/** Whether the response can be changed now, and if not, why. */
export type Access =
  | { editable: true }
  | { editable: false; reason: 'submitted' | 'approved' | 'closed' }
  | { editable: false; reason: 'deadline'; closesAt: string; timeZone: string }

/** Everything a survey page needs about one edition and the officer's city's response. */
export interface SurveyContext {
  officer: Officer
  edition: Edition
  response: ResponseSummary | undefined
  rows: EditedAnswerRow[]
  answers: Answers
  /** Answers that count: those hidden by a later change are left out. */
  visible: Answers
  access: Access
  /** The city's deadline (UTC ISO): its extension where it has one that was read, else the edition's. */
  deadline: string | null
  /** The reviewer's open comments, while the response is returned for changes. */
  comments: ReviewComment[]
}

/**
 * Only open editions take answers, until their deadline (or the city's extension); a closed one
 * still does for a city with an extension running, and for a response returned for changes (the
 * admin reopened it for that city). Submitted and approved responses are read-only.
 */
export function accessFor(
  edition: Edition,
  response: ResponseSummary | undefined,
  { now = nowIso(), extendedUntil }: { now?: string; extendedUntil?: string } = {},
): Access {
  if (response?.status === 'submitted' || response?.status === 'approved')
    return { editable: false, reason: response.status }
  // A response returned for changes can be fixed whatever the deadline: the reviewer asked for it.
  if ((edition.status === 'open' || edition.status === 'closed') && response?.status === 'returned')
    return { editable: true }
  if (edition.status !== 'open' && edition.status !== 'closed') return { editable: false, reason: 'closed' }
  if (extendedUntil && now < extendedUntil) return { editable: true }
  if (edition.status === 'open' && !(edition.closesAt && now >= edition.closesAt)) return { editable: true }
  const closesAt =
    extendedUntil && extendedUntil > (edition.closesAt ?? '') ? extendedUntil : edition.closesAt
  if (closesAt && now >= closesAt)
    return { editable: false, reason: 'deadline', closesAt, timeZone: edition.timeZone }
  return { editable: false, reason: 'closed' }
}

/** Whether the city's extension can matter: the edition's own deadline has passed, or it is closed. */
export const mayBeExtended = (edition: Edition, now = nowIso()): boolean =>
  edition.status === 'closed' ||
  (edition.status === 'open' && Boolean(edition.closesAt && now >= edition.closesAt))

/** Why an officer cannot change the response, in words. */
export function readOnlyMessage(
  access: Exclude<Access, { editable: true }>,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const t = translator(locale)
  if (access.reason === 'deadline')
    return t('survey.readOnly.deadline', {
      deadline: formatDeadline(access.closesAt, access.timeZone, locale),
    })
  return t(`survey.readOnly.${access.reason}`)
}

export function surveyLoader(
  repos: Pick<CollectionRepositories, 'editions' | 'extensions' | 'responses' | 'reviewComments'>,
) {
  return {
    /** The edition an officer's /survey shows: the latest open one, else a closed one their response was returned in. */
    async currentYear(officer: Officer): Promise<number | undefined> {
      const editions = await repos.editions.list()
      const open = editions.find((e) => e.status === 'open')
      if (open) return open.year
      const now = nowIso()
      for (const edition of editions.filter((e) => e.status === 'closed')) {
        if ((await repos.responses.find(edition.id, officer.cityId))?.status === 'returned')
          return edition.year
        const extendedUntil = await repos.extensions.until(edition.id, officer.cityId)
        if (extendedUntil && now < extendedUntil) return edition.year
      }
      return undefined
    },

    /** Loads the edition, and the city's response with its answers: two queries (three when returned). */
    async load(officer: Officer, year: number): Promise<SurveyContext> {
      const stored = Number.isInteger(year) ? await repos.editions.findByYear(year) : undefined
      if (!stored || stored.status === 'draft') throw new NotFoundError()
      // The questionnaire in the officer's language, English where a text has no translation.
      const edition = editionInLanguage(stored, officer.locale)
      const { response, rows } = await repos.responses.findWithAnswers(edition.id, officer.cityId)
      const comments = response?.status === 'returned' ? await repos.reviewComments.open(response.id) : []
      const now = nowIso()
      // Read only when it can matter, so an open survey's pages make no extra query.
      const extendedUntil = mayBeExtended(edition, now)
        ? await repos.extensions.until(edition.id, officer.cityId)
        : undefined
      const answers = answersFromRows(edition.definition, rows)
      const visible = visibleAnswers(edition.definition, answers)
      return {
        officer,
        edition,
        response,
        rows,
        answers,
        visible,
        access: accessFor(edition, response, { now, extendedUntil }),
        deadline: extendedUntil ?? edition.closesAt,
        comments,
      }
    },
  }
}

export type SurveyLoader = ReturnType<typeof surveyLoader>
