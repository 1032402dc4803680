import express, { type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import { conditionText } from './optionLists'
import { confirmRoute, formRoute, moveRoute } from './formRoute'
import { locatePage, locateSection } from './locate'
import { questionTypes } from './questionForm'
import {
  addPage,
  addSection,
  movePage,
  moveSection,
  pageToValues,
  pageValues,
  removePage,
  removeSection,
  sectionToValues,
  sectionValues,
  updatePage,
  updateSection,
} from './sectionEdits'
import { conditionChoices } from './routeSupport'
import { adminPaths } from '../../web/adminPaths'
import { yearParam, param } from '../../web/requestParams'

const base = '/admin/editions/:year/questionnaire'

/** Sections and pages: add, change, reorder, remove. */
export function structureRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()
  const overviewAt = (anchor: string) => (req: express.Request) =>
    `${adminPaths.questionnaire(yearParam(req))}#${anchor}-${param(req, 'key')}`

  formRoute(router, authoring, `${base}/sections/new`, {
    view: 'authoring/section-form',
    load: () => ({ title: 'Add a section', values: { questionType: 'yesno' }, isNew: true, questionTypes }),
    values: sectionValues,
    edit: (_req, values) => (draft) => addSection(draft, values),
  })
  formRoute(router, authoring, `${base}/sections/:key`, {
    view: 'authoring/section-form',
    load: (req, edition) => {
      const { section } = locateSection(edition.definition, param(req, 'key'))
      return {
        title: `Change section: ${section.title}`,
        values: sectionToValues(section),
        isNew: false,
        questionTypes,
      }
    },
    values: sectionValues,
    edit: (req, values) => (draft) => updateSection(draft, param(req, 'key'), values),
  })
  moveRoute(
    router,
    authoring,
    `${base}/sections/:key/move`,
    (req, to) => (draft) => moveSection(draft, param(req, 'key'), to),
    overviewAt('section'),
  )
  confirmRoute(router, authoring, `${base}/sections/:key/remove`, {
    describe: (req, edition) => {
      const { section } = locateSection(edition.definition, param(req, 'key'))
      const questions = section.pages.reduce((n, page) => n + page.questions.length, 0)
      return {
        title: `Remove the section “${section.title}”?`,
        details: [`Its ${section.pages.length} page(s) and ${questions} question(s) are removed with it.`],
        back: adminPaths.questionnaire(edition.year),
      }
    },
    edit: (req) => (draft) => removeSection(draft, param(req, 'key')),
  })

  formRoute(router, authoring, `${base}/sections/:key/pages/new`, {
    view: 'authoring/page-form',
    load: (req, edition) => {
      const { section } = locateSection(edition.definition, param(req, 'key'))
      const choices = conditionChoices(edition.definition, { afterSection: section.key })
      return {
        title: `Add a page to “${section.title}”`,
        values: { questionType: 'yesno' },
        isNew: true,
        questionTypes,
        choices,
      }
    },
    values: pageValues,
    edit: (req, values) => (draft) => addPage(draft, param(req, 'key'), values),
  })
  formRoute(router, authoring, `${base}/pages/:key`, {
    view: 'authoring/page-form',
    load: (req, edition) => {
      const { page } = locatePage(edition.definition, param(req, 'key'))
      const choices = conditionChoices(edition.definition, { beforePage: page.key })
      return {
        title: `Change page: ${page.title}`,
        values: pageToValues(page),
        isNew: false,
        questionTypes,
        choices,
      }
    },
    values: pageValues,
    edit: (req, values) => (draft) => updatePage(draft, param(req, 'key'), values),
  })
  moveRoute(
    router,
    authoring,
    `${base}/pages/:key/move`,
    (req, to) => (draft) => movePage(draft, param(req, 'key'), to),
    overviewAt('page'),
  )
  confirmRoute(router, authoring, `${base}/pages/:key/remove`, {
    describe: (req, edition) => {
      const { page } = locatePage(edition.definition, param(req, 'key'))
      const condition = conditionText(page.condition, edition.definition)
      const details = [
        `Its ${page.questions.length} question(s) are removed with it: ${page.questions.map((q) => q.key).join(', ')}.`,
      ]
      return {
        title: `Remove the page “${page.title}”?`,
        details: condition ? [...details, condition] : details,
        back: adminPaths.questionnaire(edition.year),
      }
    },
    edit: (req) => (draft) => removePage(draft, param(req, 'key')),
  })
  return router
}
