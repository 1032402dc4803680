import express, { type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import type { FieldError } from '../../shared/errors'
import type { DefinitionProblem } from '../validateDefinition'
import { formValues, type FormValues } from './formValues'
import { chosenStart, type EditionStart } from './newEdition'
import { IMPORT_LIMIT_TEXT } from './importLimit'
import { doneAndRedirect } from './routeSupport'
import { adminPaths } from '../../web/adminPaths'
import { actorId } from '../../web/actor'

const fields = ['year', 'title', 'start', 'copyFrom', 'definition']

const created: Record<EditionStart, (year: number) => string> = {
  blank: (year) =>
    `The ${year} survey year was created as a draft with a blank questionnaire: one section, one page and a placeholder question to rename or replace`,
  copy: (year) =>
    `The ${year} survey year was created as a draft, with every question of the copied questionnaire`,
  import: (year) => `The ${year} survey year was created as a draft with the imported questionnaire`,
}

const queryText = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** "Create a survey year": from a blank questionnaire, a copy of an earlier year, or a JSON file. */
export function newEditionRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()
  const { editor, versions } = authoring

  const render = async (
    res: express.Response,
    status: number,
    values: FormValues,
    errors: FieldError[],
    problems: DefinitionProblem[] = [],
  ) => {
    const years = [...(await editor.knownYears())].reverse()
    res.status(status).render('authoring/new-edition', {
      title: 'Create a survey year',
      values: {
        ...values,
        // A first visit suggests a start; a form sent without one is shown again without one.
        start:
          values.start ||
          chosenStart(values) ||
          (status === 200 ? (years.length > 0 ? 'copy' : 'blank') : ''),
        copyFrom: values.copyFrom || String(years[0] ?? ''),
      },
      years,
      errors,
      problems,
      limit: IMPORT_LIMIT_TEXT,
      breadcrumbs: [
        { href: adminPaths.home(), text: 'Administration' },
        { href: adminPaths.editions(), text: 'Survey years' },
      ],
    })
  }

  router.get('/admin/editions/new', async (req, res) =>
    render(res, 200, { year: queryText(req.query.year), start: queryText(req.query.start) }, []),
  )
  router.post('/admin/editions/new', async (req, res) => {
    const values = formValues(req.body, fields)
    const result = await versions.createEdition(values, actorId(req))
    if (!result.ok) return render(res, 400, values, result.errors, result.problems)
    doneAndRedirect(req, res, created[result.start](result.year), adminPaths.questionnaire(result.year))
  })
  return router
}
