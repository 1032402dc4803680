import { english, type Translate } from '../i18n/catalogues'
import { z } from 'zod'
import type { ResponsesRepository } from '../responses/responsesRepository'
import type { ResponseRecord } from '../responses/responseRecords'
import { surveyPaths } from '../web/surveyPaths'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import { questionIndex } from '../questionnaire/definitionModel'
import { fieldId } from '../questionnaire/formCodec'
import { ConflictError, NotFoundError, type FieldError } from '../shared/errors'
import { fieldErrors } from '../shared/formErrors'
import type { ReviewComment, ReviewCommentsRepository } from '../responses/reviewCommentsRepository'

export interface CommentReplyDeps {
  reviewComments: ReviewCommentsRepository
  responses: ResponsesRepository
  editions: EditionsRepository
}

const replySchema = (t: Translate) =>
  z.object({
    body: z
      .string()
      .trim()
      .min(1, t('survey.comments.replyMissing'))
      .max(2000, t('survey.comments.replyTooLong')),
  })

/**
 * A thread is open while its comment is unresolved and the response has reached the reviewer
 * at least once; approving the response resolves its comments and so closes every thread.
 */
export const threadOpen = (comment: ReviewComment, response: ResponseRecord): boolean =>
  comment.resolvedAt === null && response.status !== 'approved' && response.status !== 'in_progress'

/** Officers answering a reviewer's comment on their own city's response. */
export function commentReplyService(deps: CommentReplyDeps) {
  /** The comment, if it is on this officer's city's response of that year; else a 404. */
  async function load(officer: { id: number; cityId: number }, year: number, commentId: number) {
    const edition = Number.isInteger(year) ? await deps.editions.findByYear(year) : undefined
    const response = edition && (await deps.responses.find(edition.id, officer.cityId))
    const comment = Number.isSafeInteger(commentId) ? await deps.reviewComments.find(commentId) : undefined
    if (!edition || !response || !comment || comment.responseId !== response.id) throw new NotFoundError()
    const placed = comment.questionKey
      ? questionIndex(edition.definition).get(comment.questionKey)
      : undefined
    const backHref = placed
      ? `${surveyPaths.page(year, placed.section.key, placed.page.key)}#${fieldId(placed.question.key)}`
      : surveyPaths.taskList(year)
    return { edition, response, comment, question: placed?.question, backHref }
  }

  return {
    /** The comment with its replies, and whether the officer can still reply. */
    async thread(officer: { id: number; cityId: number }, year: number, commentId: number) {
      const context = await load(officer, year, commentId)
      const replies = (await deps.reviewComments.replies(context.response.id)).filter(
        (r) => r.commentId === context.comment.id,
      )
      return {
        year,
        comment: context.comment,
        questionLabel: context.question?.label,
        replies,
        open: threadOpen(context.comment, context.response),
        backHref: context.backHref,
      }
    },

    /** Adds the officer's reply; a closed thread is refused (409). */
    async reply(
      officer: { id: number; cityId: number },
      year: number,
      commentId: number,
      input: { body?: unknown },
      t: Translate = english,
    ): Promise<{ errors: FieldError[]; backHref: string }> {
      const { comment, response, backHref } = await load(officer, year, commentId)
      if (!threadOpen(comment, response)) throw new ConflictError(t('survey.comments.closed'))
      const parsed = replySchema(t).safeParse({ body: input.body ?? '' })
      if (!parsed.success) return { errors: fieldErrors(parsed.error, () => 'body'), backHref }
      await deps.reviewComments.addReply({
        commentId: comment.id,
        authorId: officer.id,
        body: parsed.data.body,
      })
      return { errors: [], backHref }
    },
  }
}

export type CommentReplyService = ReturnType<typeof commentReplyService>
