import { z } from 'zod'
import type { CitiesRepository } from '../cities/citiesRepository'
import type { UsersRepository } from '../accounts/usersRepository'
import type { ResponsesRepository } from '../responses/responsesRepository'
import type { ResponseRecord, ResponseStatus } from '../responses/responseRecords'
import type { Edition, EditionsRepository } from '../questionnaire/editionsRepository'
import type { AnswerRow } from '../questionnaire/answerCodec'
import { questionIndex } from '../questionnaire/definitionModel'
import type { EditionEvents } from '../shared/editionEvents'
import { ConflictError, NotFoundError, type FieldError } from '../shared/errors'
import { fieldErrors } from '../shared/formErrors'
import { answersFromRows } from './answersOf'
import type {
  CommentReply,
  ReviewComment,
  ReviewCommentsRepository,
} from '../responses/reviewCommentsRepository'
import type { Mail } from '../mail/mailServices'
import { answerSections, diffAnswers, eventChanges, eventTitle } from './reviewModel'
import { editionInLanguage } from '../questionnaire/editionInLanguage'
import { answersLanguages } from './answersLanguage'

export interface ReviewDeps {
  responses: ResponsesRepository
  reviewComments: ReviewCommentsRepository
  editions: EditionsRepository
  cities: CitiesRepository
  users: UsersRepository
  events: EditionEvents
  mail: Mail
}

const commentSchema = z.object({
  questionKey: z
    .string()
    .trim()
    .max(120)
    .transform((k) => k || null),
  body: z.string().trim().min(1, 'Enter a comment').max(2000, 'Enter a comment of 2,000 characters or fewer'),
})

export type ResponseContext = Awaited<ReturnType<ReturnType<typeof responseContext>>>

/** Loads a response with its edition and city, or a 404. */
export function responseContext(deps: ReviewDeps) {
  return async (responseId: number) => {
    const response = Number.isSafeInteger(responseId) ? await deps.responses.findById(responseId) : undefined
    if (!response) throw new NotFoundError('There is no such response')
    const edition = (await deps.editions.findById(response.editionId))!
    const city = (await deps.cities.findById(response.cityId))!
    return { response, edition, city }
  }
}

/** The answers as they were when the response was last returned, for "what changed since". */
function previousSubmission(
  events: Awaited<ReturnType<ResponsesRepository['events']>>,
): AnswerRow[] | undefined {
  const lastSubmit = events.findLastIndex((e) => e.type === 'submitted')
  if (lastSubmit < 0) return undefined
  const returned = events.slice(0, lastSubmit).findLast((e) => e.type === 'returned')
  const snapshot = (returned?.data as { snapshot?: AnswerRow[] } | undefined)?.snapshot
  return Array.isArray(snapshot) ? snapshot : undefined
}

/** Officers' replies as entries of the response's history. */
function replyTrail(edition: Edition, comments: ReviewComment[], replies: CommentReply[]) {
  const labels = questionIndex(edition.definition)
  return replies.map((reply) => {
    const comment = comments.find((c) => c.id === reply.commentId)
    const key = comment?.questionKey
    return {
      id: reply.id,
      type: 'comment_replied',
      title: 'Replied to a comment',
      at: reply.createdAt,
      actor: reply.authorName ?? 'Unknown user',
      changes: [],
      reason: undefined,
      reply: {
        about: key ? (labels.get(key)?.question.label ?? key) : 'the whole response',
        body: reply.body,
      },
    }
  })
}

/** Reading a response for review, and commenting on it. Status changes live in reviewActions. */
export function responseReviewService(deps: ReviewDeps) {
  const load = responseContext(deps)
  const names = async (ids: Array<number | null>) => {
    const unique = [...new Set(ids.filter((id): id is number => id !== null))]
    const users = await Promise.all(unique.map((id) => deps.users.findById(id)))
    return new Map(users.flatMap((u) => (u ? [[u.id, u.displayName] as const] : [])))
  }

  return {
    load,

    /**
     * Everything the review page shows: answers by section and page with comments beside them,
     * the audit trail with before and after values, and what changed since the last return.
     * `readIn` shows the questions in the language the response was given in (or English).
     */
    async review(responseId: number, readIn?: string) {
      const { response, edition, city } = await load(responseId)
      // The answers as the officer read them (the response's language), or in English.
      const answersLanguage = answersLanguages(response, readIn)
      const shown = editionInLanguage(edition, answersLanguage.reading)
      const [rows, events, listed, replies] = await Promise.all([
        deps.responses.answers(response.id),
        deps.responses.events(response.id),
        deps.reviewComments.list(response.id),
        deps.reviewComments.replies(response.id),
      ])
      const comments = listed.map((c) => ({ ...c, replies: replies.filter((r) => r.commentId === c.id) }))
      const answers = answersFromRows(edition.definition, rows)
      const actorNames = await names(events.map((e) => e.actorId))
      const trail = events
        .map((e) => ({
          id: e.id,
          type: e.type,
          title: eventTitle(e.type),
          at: e.createdAt,
          actor: e.actorId === null ? 'System' : (actorNames.get(e.actorId) ?? 'Unknown user'),
          changes: eventChanges(edition.definition, e.data),
          reason: (e.data as { reason?: string } | undefined)?.reason,
          reply: undefined as { about: string; body: string } | undefined,
        }))
        .concat(replyTrail(edition, listed, replies))
        // Oldest first by time (events and replies interleave), shown newest first.
        .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
        .reverse()
      const snapshot = previousSubmission(events)
      return {
        response,
        edition,
        city,
        sections: answerSections(shown.definition, answers, comments),
        answersLanguage,
        overallComments: comments.filter((c) => c.questionKey === null),
        openComments: comments.filter((c) => c.resolvedAt === null).length,
        trail,
        changedSinceReturn: snapshot
          ? diffAnswers(edition.definition, answersFromRows(edition.definition, snapshot), answers)
          : undefined,
      }
    },

    /** The question a comment is about (none: the overall comment); a 404 for an unknown key. */
    question(edition: Edition, questionKey: string) {
      if (!questionKey) return undefined
      const placed = questionIndex(edition.definition).get(questionKey)
      if (!placed) throw new NotFoundError('There is no such question')
      return placed
    },

    /** What a confirmation page shows; refuses (409) an action the status does not allow. */
    async confirmation(responseId: number, action: ReviewAction) {
      const context = await load(responseId)
      assertReviewAction(action, context.response, context.edition)
      const comments = await deps.reviewComments.open(context.response.id)
      const labels = questionIndex(context.edition.definition)
      return {
        ...context,
        openComments: comments.map((c) => ({
          ...c,
          questionLabel: c.questionKey ? labels.get(c.questionKey)?.question.label : undefined,
        })),
      }
    },

    /** Adds a comment to one question (or, without a question, on the whole response). */
    async addComment(
      responseId: number,
      input: { questionKey?: unknown; body?: unknown },
      actorId: number,
    ): Promise<{ errors: FieldError[] }> {
      const { response, edition } = await load(responseId)
      const parsed = commentSchema.safeParse({ questionKey: input.questionKey ?? '', body: input.body ?? '' })
      if (!parsed.success) return { errors: fieldErrors(parsed.error, () => 'body') }
      const { questionKey, body } = parsed.data
      if (questionKey && !questionIndex(edition.definition).has(questionKey))
        throw new NotFoundError('There is no such question')
      await deps.reviewComments.add({ responseId: response.id, questionKey, authorId: actorId, body })
      return { errors: [] }
    },
  }
}

export type ResponseReviewService = ReturnType<typeof responseReviewService>

/** The response statuses each review action starts from. */
export const reviewActionRules = {
  return: { from: ['submitted'] as ResponseStatus[], to: 'returned' as const },
  approve: { from: ['submitted'] as ResponseStatus[], to: 'approved' as const },
  reopen: { from: ['approved'] as ResponseStatus[], to: 'submitted' as const },
}
export type ReviewAction = keyof typeof reviewActionRules

/** Refuses an action the response's status (or the edition's) does not allow. */
export function assertReviewAction(action: ReviewAction, response: ResponseRecord, edition: Edition): void {
  const rule = reviewActionRules[action]
  const words: Record<ReviewAction, string> = {
    return: 'returned for changes',
    approve: 'approved',
    reopen: 'reopened',
  }
  if (!rule.from.includes(response.status)) {
    throw new ConflictError(
      `Only a ${rule.from.join(' or ')} response can be ${words[action]}. This one is ${response.status.replaceAll('_', ' ')}.`,
    )
  }
  if (action === 'return' && edition.status !== 'open' && edition.status !== 'closed') {
    throw new ConflictError(
      'A response can be returned for changes only while its survey year is open or closed, not published.',
    )
  }
}
