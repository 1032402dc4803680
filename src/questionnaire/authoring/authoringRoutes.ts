import express, { type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import { requireAdmin } from '../../accounts/guards'
import { formValues } from './formValues'
import { doneAndRedirect, pageLocals } from './routeSupport'
import { adminPaths } from '../../web/adminPaths'
import { yearParam } from '../../web/requestParams'
import { actorId } from '../../web/actor'
import { structureRoutes } from './structureRoutes'
import { questionRoutes } from './questionRoutes'
import { versionRoutes } from './versionRoutes'
import { previewRoutes } from './previewRoutes'
import { profileLayoutRoutes } from './profileLayoutRoutes'

const newEditionFields = ['year', 'title', 'copyFrom']

/** Questionnaire authoring for administrators: new editions, the editor, versions and preview. */
export function authoringRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()
  const { editor, versions } = authoring
  router.use(
    [
      '/admin/editions/new',
      '/admin/editions/:year/questionnaire',
      '/admin/editions/:year/questionnaire.json',
    ],
    requireAdmin,
  )

  const renderNew = async (
    res: express.Response,
    status: number,
    values: Record<string, unknown>,
    errors: { href: string; text: string }[],
  ) => {
    const years = await editor.knownYears()
    res.status(status).render('authoring/new-edition', {
      title: 'Create a survey year',
      values: { copyFrom: String(years.at(-1) ?? ''), ...values },
      years: [...years].reverse(),
      errors,
      breadcrumbs: [
        { href: adminPaths.home(), text: 'Administration' },
        { href: adminPaths.editions(), text: 'Survey years' },
      ],
    })
  }
  router.get('/admin/editions/new', async (_req, res) => renderNew(res, 200, {}, []))
  router.post('/admin/editions/new', async (req, res) => {
    const values = formValues(req.body, newEditionFields)
    const result = await versions.createEdition(values, actorId(req))
    if (!result.ok) return renderNew(res, 400, values, result.errors)
    doneAndRedirect(
      req,
      res,
      `The ${result.year} survey year was created as a draft, with every question of the copied questionnaire`,
      adminPaths.questionnaire(result.year),
    )
  })

  router.get('/admin/editions/:year/questionnaire', async (req, res) => {
    const { edition, usage, years } = await editor.overview(yearParam(req))
    res.render('authoring/overview', {
      ...pageLocals(edition, `${edition.year} questionnaire`),
      definition: edition.definition,
      usage,
      years,
    })
  })

  router.use(versionRoutes(authoring))
  router.use(previewRoutes(authoring))
  router.use(profileLayoutRoutes(authoring))
  router.use(structureRoutes(authoring))
  router.use(questionRoutes(authoring))
  return router
}
