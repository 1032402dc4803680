import type { Request, Response, Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import type { FieldError } from '../../shared/errors'
import type { Edition } from '../editionsRepository'
import { direction, type Edit } from './editOutcome'
import type { AnswerUsage } from './safeChanges'
import type { FormValues } from './formValues'
import { basedOnOf, doneAndRedirect, pageLocals } from './routeSupport'
import { adminPaths } from '../../web/adminPaths'
import { yearParam } from '../../web/requestParams'
import { actorId } from '../../web/actor'

/** What a form page may need beyond the edition: the edition years, and how answers use the questionnaire. */
export interface FormContext {
  years: number[]
  usage: AnswerUsage
}

/** Renders a form route's page again (for a second form on the same page). */
export type FormRender = (
  req: Request,
  res: Response,
  status: number,
  errors: FieldError[],
  values?: FormValues,
) => Promise<void>

export interface FormRouteSpec {
  view: string
  /** The page title and the view's own locals; `values` are the stored ones on GET. */
  load: (
    req: Request,
    edition: Edition,
    context: FormContext,
  ) => { title: string; values: FormValues; [local: string]: unknown }
  values: (body: unknown) => FormValues
  edit: (req: Request, values: FormValues) => Edit
  /** Where to go after saving (default: the questionnaire overview). */
  next?: (req: Request, values: FormValues) => string
}

/**
 * A GET form and its POST: the change is applied to a copy and validated; on problems the
 * form comes back with status 400, the input kept and each message beside its field.
 */
export function formRoute(
  router: Router,
  authoring: QuestionnaireAuthoring,
  path: string,
  spec: FormRouteSpec,
): FormRender {
  const { editor } = authoring
  const render = async (
    req: Request,
    res: Response,
    status: number,
    errors: FieldError[],
    values?: FormValues,
  ) => {
    const edition = await editor.edition(yearParam(req))
    const context = { years: await editor.knownYears(), usage: await editor.answerUsage(edition) }
    const { title, values: stored, ...locals } = spec.load(req, edition, context)
    res
      .status(status)
      .render(spec.view, { ...pageLocals(edition, title, errors), ...locals, values: values ?? stored })
  }
  router.get(path, async (req, res) => render(req, res, 200, []))
  router.post(path, async (req, res) => {
    const values = spec.values(req.body)
    const result = await editor.edit(yearParam(req), actorId(req), spec.edit(req, values), {
      basedOn: basedOnOf(req),
      fallbackField: 'key',
    })
    if (!result.ok) return render(req, res, 400, result.errors, values)
    doneAndRedirect(
      req,
      res,
      result.summary,
      spec.next?.(req, values) ?? adminPaths.questionnaire(yearParam(req)),
    )
  })
  return render
}

export interface ConfirmSpec {
  /** What is removed, in words, and what the confirmation page says about it. */
  describe: (req: Request, edition: Edition) => { title: string; details: string[]; back: string }
  edit: (req: Request) => Edit
  /** Where to go after removing (default: the questionnaire overview). */
  next?: (req: Request) => string
}

/** "Are you sure?" before a removal; the page already says when the removal would be refused. */
export function confirmRoute(
  router: Router,
  authoring: QuestionnaireAuthoring,
  path: string,
  spec: ConfirmSpec,
): void {
  const { editor } = authoring
  const render = async (req: Request, res: Response, status: number, errors: FieldError[]) => {
    const edition = await editor.edition(yearParam(req))
    const { title, details, back } = spec.describe(req, edition)
    const check = errors.length
      ? { ok: false as const, errors }
      : await editor.edit(edition.year, actorId(req), spec.edit(req), {
          fallbackField: 'confirm',
          dryRun: true,
        })
    const refusals = check.ok ? [] : check.errors.map((e) => e.text)
    res.status(status).render('authoring/confirm-remove', {
      ...pageLocals(edition, title, errors),
      details,
      refusals,
      back,
      action: req.originalUrl,
    })
  }
  router.get(path, async (req, res) => render(req, res, 200, []))
  router.post(path, async (req, res) => {
    const result = await editor.edit(yearParam(req), actorId(req), spec.edit(req), {
      basedOn: basedOnOf(req),
      fallbackField: 'confirm',
    })
    if (!result.ok) return render(req, res, 400, result.errors)
    doneAndRedirect(req, res, result.summary, spec.next?.(req) ?? adminPaths.questionnaire(yearParam(req)))
  })
}

/**
 * Move up / move down buttons (no JavaScript needed). A move that breaks the questionnaire
 * (a condition would point at a later question) shows the overview with the problem.
 */
export function moveRoute(
  router: Router,
  authoring: QuestionnaireAuthoring,
  path: string,
  edit: (req: Request, to: 'up' | 'down') => Edit,
  back: (req: Request) => string,
): void {
  const { editor } = authoring
  router.post(path, async (req, res) => {
    const result = await editor.edit(
      yearParam(req),
      actorId(req),
      edit(req, direction(req.body?.direction)),
      {
        basedOn: basedOnOf(req),
        fallbackField: 'main-content',
      },
    )
    if (result.ok) return doneAndRedirect(req, res, result.summary, back(req))
    const { edition, usage, years } = await editor.overview(yearParam(req))
    res.status(400).render('authoring/overview', {
      ...pageLocals(edition, `${edition.year} questionnaire`, result.errors),
      definition: edition.definition,
      usage,
      years,
    })
  })
}
