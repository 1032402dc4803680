import express, { type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import { requireAdmin } from '../../accounts/guards'
import { pageLocals } from './routeSupport'
import { newEditionRoutes } from './newEditionRoutes'
import { yearParam } from '../../web/requestParams'
import { structureRoutes } from './structureRoutes'
import { questionRoutes } from './questionRoutes'
import { versionRoutes } from './versionRoutes'
import { previewRoutes } from './previewRoutes'
import { profileLayoutRoutes } from './profileLayoutRoutes'
import { translationRoutes } from './translationRoutes'

/** Questionnaire authoring for administrators: new editions, the editor, versions and preview. */
export function authoringRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()
  const { editor } = authoring
  router.use(
    [
      '/admin/editions/new',
      '/admin/editions/:year/questionnaire',
      '/admin/editions/:year/questionnaire.json',
    ],
    requireAdmin,
  )

  router.use(newEditionRoutes(authoring))

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
  router.use(translationRoutes(authoring))
  router.use(structureRoutes(authoring))
  router.use(questionRoutes(authoring))
  return router
}
