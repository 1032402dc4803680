import express, { type Request, type Router } from 'express'
import type { FieldError } from '../shared/errors'
import type { ReviewServices } from './reviewServices'
import { readFormValue } from '../questionnaire/formCodec'
import { idParam, queryString } from '../web/requestParams'
import { actorId } from '../web/actor'
import { flash } from '../web/flash'
import { adminPaths } from '../web/adminPaths'

const confirmations = {
  return: { label: 'Return for changes', done: 'Response returned to the city for changes' },
  approve: {
    label: 'Approve response',
    done: 'Response approved; the survey year’s profiles have been regenerated',
  },
  reopen: { label: 'Reopen response', done: 'Response reopened' },
} as const
type Action = keyof typeof confirmations
const isAction = (value: string): value is Action => value in confirmations

/** Reviewing one response: read, comment, return, approve, reopen and correct answers. */
export function responseRoutes(review: ReviewServices): Router {
  const router = express.Router()
  const base = adminPaths.response
  const reviewPage = async (req: Request, errors: FieldError[] = [], values: Record<string, string> = {}) => {
    const model = await review.responses.review(idParam(req), queryString(req, 'read'))
    const crumbs = [
      { href: adminPaths.home(), text: 'Administration' },
      { href: adminPaths.progress(model.edition.year), text: `Progress ${model.edition.year}` },
    ]
    return {
      title: `${model.city.name}: ${model.edition.year} response`,
      breadcrumbs: crumbs,
      ...model,
      errors,
      values,
    }
  }

  router.get('/admin/responses/:id', async (req, res) => res.render('review/response', await reviewPage(req)))

  router.get('/admin/responses/:id/comment', async (req, res) => {
    const model = await review.responses.review(idParam(req))
    const question = review.responses.question(model.edition, queryString(req, 'question'))
    res.render('review/comment', {
      title: 'Add a comment',
      backLink: base(model.response.id),
      ...model,
      question,
      values: {},
      errors: [],
    })
  })

  router.post('/admin/responses/:id/comment', async (req, res) => {
    const id = idParam(req)
    const { errors } = await review.responses.addComment(id, req.body, actorId(req))
    if (errors.length) {
      const model = await review.responses.review(id)
      const question = review.responses.question(model.edition, String(req.body.questionKey ?? ''))
      return res.status(400).render('review/comment', {
        title: 'Add a comment',
        backLink: base(id),
        ...model,
        question,
        values: { body: String(req.body.body ?? '') },
        errors,
      })
    }
    flash(req, 'Comment added')
    res.redirect(
      req.body.questionKey
        ? adminPaths.responseQuestion(id, String(req.body.questionKey))
        : `${base(id)}#overall-comments`,
    )
  })

  router.get('/admin/responses/:id/correct/:questionKey', async (req, res) => {
    const correction = await review.actions.correction(idParam(req), req.params.questionKey)
    res.render('review/correct', {
      title: `Correct an answer: ${correction.city.name}`,
      backLink: base(correction.response.id),
      ...correction,
      formValue: correction.value,
      values: {},
      errors: [],
    })
  })

  router.post('/admin/responses/:id/correct/:questionKey', async (req, res) => {
    const id = idParam(req)
    const { errors } = await review.actions.correct(id, req.params.questionKey, req.body, actorId(req))
    if (errors.length) {
      const correction = await review.actions.correction(id, req.params.questionKey)
      return res.status(400).render('review/correct', {
        title: `Correct an answer: ${correction.city.name}`,
        backLink: base(id),
        ...correction,
        formValue: readFormValue(correction.question, req.body, correction.edition.year),
        values: { reason: String(req.body.reason ?? ''), clear: req.body.clear },
        errors,
      })
    }
    flash(req, 'Answer corrected; the change is recorded in the trail')
    res.redirect(adminPaths.responseQuestion(id, req.params.questionKey))
  })

  router.get('/admin/responses/:id/:action', async (req, res, next) => {
    if (!isAction(req.params.action)) return next()
    const model = await review.responses.confirmation(idParam(req), req.params.action)
    res.render('review/response-confirm', {
      title: confirmations[req.params.action].label,
      backLink: base(model.response.id),
      action: req.params.action,
      ...model,
      errors: [],
    })
  })

  router.post('/admin/responses/:id/:action', async (req, res, next) => {
    const action = req.params.action
    if (!isAction(action)) return next()
    const id = idParam(req)
    const { version, to } = req.body
    if (action === 'approve') await review.actions.approve(id, version, actorId(req))
    if (action === 'reopen') await review.actions.reopen(id, version, to, actorId(req))
    const errors =
      action === 'return' ? (await review.actions.returnForChanges(id, version, actorId(req))).errors : []
    if (errors.length)
      return res.status(400).render('review/response-confirm', {
        title: confirmations[action].label,
        backLink: base(id),
        action,
        ...(await review.responses.confirmation(id, action)),
        errors,
      })
    flash(req, confirmations[action].done)
    res.redirect(base(id))
  })
  return router
}
