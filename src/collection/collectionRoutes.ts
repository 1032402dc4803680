import express, { type Request, type Response, type Router } from 'express'
import type { CommentReplyService } from '../review/commentReplyService'
import { requireOfficer } from '../accounts/guards'
import { safeReturnPath } from '../accounts/returnPath'
import { asOfficer, type CollectionService } from './collectionService'
import { asReturnTarget, referencePattern } from '../web/surveyPaths'
import { commentReplyRoutes } from '../review/commentReplyRoutes'
import { param, yearParam } from '../web/requestParams'
import { isLocale, translatorOf } from '../i18n/catalogues'
import { flash } from '../web/flash'

/** Typed input survives an expired session for this long (it lives in the browser's own session). */
const PENDING_FORM_MS = 12 * 60 * 60_000

/** The session ended before the officer pressed save: keep what they typed and send them to sign in. */
function keepUntilSignedIn(req: Request, res: Response) {
  const { _csrf: _token, ...body } = (req.body ?? {}) as Record<string, unknown>
  req.session.pendingForm = { path: req.originalUrl, body, savedAt: Date.now() }
  req.session.returnTo = safeReturnPath(req.originalUrl)
  res.redirect('/login')
}

/** Input kept from before sign-in, if it belongs to this page (taken once). */
function takePendingForm(req: Request) {
  const pending = req.session.pendingForm
  if (!pending || pending.path.split('?')[0] !== req.originalUrl.split('?')[0]) return undefined
  delete req.session.pendingForm
  return Date.now() - pending.savedAt < PENDING_FORM_MS ? pending.body : undefined
}

/** The signed-in officer, with the language of this request's pages. */
const officerOf = (req: Request, res: Response) =>
  asOfficer(req.user, isLocale(res.locals.locale) ? res.locals.locale : undefined)

/** The officer journey. Officers reach only their own city's response: no URL names a city. */
export function collectionRoutes(survey: CollectionService, replies: CommentReplyService): Router {
  const router = express.Router()

  router.get('/survey', requireOfficer, async (req, res) => {
    const year = await survey.currentYear(officerOf(req, res))
    if (!year)
      return res.render('collection/no-survey', { title: translatorOf(res.locals)('survey.noSurvey.title') })
    res.redirect(`/survey/${year}`)
  })

  router.get('/survey/:year', requireOfficer, async (req, res) => {
    const t = translatorOf(res.locals)
    res.render('collection/task-list', await survey.taskList(officerOf(req, res), yearParam(req), t))
  })

  router.get('/survey/:year/check-answers', requireOfficer, async (req, res) => {
    res.render('collection/check-answers', {
      errors: [],
      ...(await survey.checkAnswers(officerOf(req, res), yearParam(req))),
    })
  })

  router.post('/survey/:year/submit', requireOfficer, async (req, res) => {
    const officer = officerOf(req, res)
    const outcome = await survey.submit(officer, yearParam(req), req.body ?? {})
    if (outcome.kind === 'submitted') return res.redirect(outcome.redirect)
    const view = await survey.checkAnswers(officer, yearParam(req))
    res.status(outcome.status).render('collection/check-answers', {
      ...view,
      errors: outcome.errors,
      confirmed: req.body?.confirm === 'yes',
    })
  })

  router.get('/survey/:year/confirmation/:reference', requireOfficer, async (req, res, next) => {
    if (!referencePattern.test(param(req, 'reference'))) return next('route')
    res.render(
      'collection/confirmation',
      await survey.confirmation(officerOf(req, res), yearParam(req), param(req, 'reference')),
    )
  })

  router.get('/survey/:year/answers', requireOfficer, async (req, res) => {
    res.render('collection/answers', await survey.printable(officerOf(req, res), yearParam(req)))
  })

  router.get('/survey/:year/:sectionKey/check-answers', requireOfficer, async (req, res) => {
    res.render('collection/check-answers', {
      errors: [],
      ...(await survey.checkAnswers(officerOf(req, res), yearParam(req), param(req, 'sectionKey'))),
    })
  })

  router.post('/survey/:year/:sectionKey/prefill', requireOfficer, async (req, res) => {
    const result = await survey.prefill(officerOf(req, res), yearParam(req), param(req, 'sectionKey'))
    flash(req, result.flash)
    res.redirect(result.redirect)
  })

  router.get('/survey/:year/:sectionKey/:pageKey', requireOfficer, async (req, res) => {
    const options = { returnTo: asReturnTarget(req.query.returnTo), pending: takePendingForm(req) }
    const result = await survey.page(
      officerOf(req, res),
      yearParam(req),
      param(req, 'sectionKey'),
      param(req, 'pageKey'),
      options,
    )
    if ('redirect' in result) return res.redirect(result.redirect)
    res.render('collection/question-page', result.view)
  })

  // No requireOfficer here: a save from an expired or vanished session keeps the input instead of losing it.
  router.post('/survey/:year/:sectionKey/:pageKey', async (req, res) => {
    if (!req.user || res.locals.unverifiedForm) return keepUntilSignedIn(req, res)
    const request = {
      officer: officerOf(req, res),
      year: yearParam(req),
      sectionKey: param(req, 'sectionKey'),
      pageKey: param(req, 'pageKey'),
    }
    const outcome = await survey.savePage({
      ...request,
      body: req.body ?? {},
      returnTo: asReturnTarget(req.query.returnTo),
    })
    if (outcome.kind === 'render') {
      if ('failure' in outcome)
        req.log?.error({ err: outcome.failure }, 'a page save was refused by the database')
      return res.status(outcome.status).render('collection/question-page', outcome.view)
    }
    if (outcome.flash) flash(req, outcome.flash)
    res.redirect(outcome.redirect)
  })
  // Replies to a reviewer's comment (review code; reached from the officer's pages).
  router.use(commentReplyRoutes(replies))
  return router
}
