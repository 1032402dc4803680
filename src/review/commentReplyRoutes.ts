import express, { type Request, type Router } from 'express'
import type { CommentReplyService } from './commentReplyService'
import { requireOfficer } from '../accounts/guards'
import { asOfficer } from '../web/actor'
import { surveyPaths } from '../web/surveyPaths'
import { yearParam } from '../web/requestParams'
import { flash } from '../web/flash'
import { translatorOf } from '../i18n/catalogues'

const commentOf = (req: Request): number => Number(req.params.commentId)

/** An officer's reply to a reviewer's comment: a page of its own (the question page is already a form). */
export function commentReplyRoutes(replies: CommentReplyService): Router {
  const router = express.Router()

  router.get('/survey/:year/comments/:commentId/reply', requireOfficer, async (req, res) => {
    const thread = await replies.thread(asOfficer(req.user), yearParam(req), commentOf(req))
    res.render('collection/comment-reply', {
      title: translatorOf(res.locals)('survey.comments.replyTitle'),
      ...thread,
      action: surveyPaths.commentReply(thread.year, thread.comment.id),
      backLink: thread.backHref,
      values: {},
      errors: [],
    })
  })

  router.post('/survey/:year/comments/:commentId/reply', requireOfficer, async (req, res) => {
    const officer = asOfficer(req.user)
    const body = (req.body ?? {}) as { body?: unknown }
    const t = translatorOf(res.locals)
    const { errors, backHref } = await replies.reply(officer, yearParam(req), commentOf(req), body, t)
    if (errors.length === 0) {
      flash(req, t('survey.comments.sent'))
      return res.redirect(backHref)
    }
    const thread = await replies.thread(officer, yearParam(req), commentOf(req))
    res.status(400).render('collection/comment-reply', {
      title: translatorOf(res.locals)('survey.comments.replyTitle'),
      ...thread,
      action: surveyPaths.commentReply(thread.year, thread.comment.id),
      backLink: thread.backHref,
      values: body,
      errors,
    })
  })
  return router
}
