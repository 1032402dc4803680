import express, { type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import type { DefinitionProblem } from '../validateDefinition'
import { doneAndRedirect, pageLocals } from './routeSupport'
import { adminPaths } from '../../web/adminPaths'
import { yearParam, param } from '../../web/requestParams'
import { actorId } from '../../web/actor'
import { IMPORT_LIMIT_TEXT } from './importLimit'

const base = '/admin/editions/:year/questionnaire'

/** Export, import, history and "what changed since last year". */
export function versionRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()
  const { editor, versions } = authoring

  router.get('/admin/editions/:year/questionnaire.json', async (req, res) => {
    const file = await versions.exportDefinition(yearParam(req))
    res.attachment(file.filename).type('application/json').send(file.body)
  })

  const renderImport = async (
    req: express.Request,
    res: express.Response,
    status: number,
    json: string,
    problems: DefinitionProblem[],
  ) => {
    const edition = await editor.edition(yearParam(req))
    const errors = problems.length
      ? [
          {
            href: '#definition',
            text: `The definition was not imported: ${problems.length === 1 ? 'there is 1 problem' : `there are ${problems.length} problems`}. Nothing was changed.`,
          },
        ]
      : []
    res.status(status).render('authoring/import', {
      ...pageLocals(edition, `Import the ${edition.year} questionnaire`, errors),
      json,
      problems,
      limit: IMPORT_LIMIT_TEXT,
    })
  }
  router.get(`${base}/import`, async (req, res) => {
    // A year with no edition yet is created from the file on the new survey year's form.
    const year = yearParam(req)
    if (!(await editor.knownYears()).includes(year))
      return res.redirect(adminPaths.newEdition({ year, start: 'import' }))
    return renderImport(req, res, 200, '', [])
  })
  router.post(`${base}/import`, async (req, res) => {
    const json = typeof req.body?.definition === 'string' ? req.body.definition : ''
    const result = await versions.importDefinition(yearParam(req), actorId(req), json)
    if (!result.ok) return renderImport(req, res, 400, json, result.problems)
    const text = result.unchanged
      ? 'The imported definition is the same as the current one, so nothing changed'
      : 'The definition was imported'
    doneAndRedirect(req, res, text, adminPaths.questionnaire(yearParam(req)))
  })

  router.get(`${base}/history`, async (req, res) => {
    const { edition, changes } = await versions.history(yearParam(req))
    res.render('authoring/history', {
      ...pageLocals(edition, `Changes to the ${edition.year} questionnaire`),
      changes,
    })
  })
  router.get(`${base}/history/:changeId/before.json`, async (req, res) => {
    const file = await versions.definitionBefore(yearParam(req), Number(param(req, 'changeId')))
    res.attachment(file.filename).type('application/json').send(file.body)
  })

  router.get(`${base}/changes`, async (req, res) => {
    const from = req.query.from === undefined ? undefined : Number(req.query.from)
    const result = await versions.changesSince(yearParam(req), from)
    const title = result.from
      ? `What changed from ${result.from.year} to ${result.edition.year}`
      : `What changed in ${result.edition.year}`
    res.render('authoring/changes', { ...pageLocals(result.edition, title), ...result })
  })
  return router
}
