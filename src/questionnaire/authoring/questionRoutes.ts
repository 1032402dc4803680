import express, { type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import { BadRequestError } from '../../shared/errors'
import type { Edition } from '../editionsRepository'
import { confirmRoute, formRoute, moveRoute } from './formRoute'
import { locateOption, locatePage, locateQuestion } from './locate'
import { isOptionListName, optionLists, type OptionListName } from './optionLists'
import {
  addOption,
  moveOption,
  newOptionValues,
  optionToValues,
  optionValues,
  removeOption,
  retireOption,
  updateOption,
} from './optionEdits'
import { addQuestion, moveQuestion, removeQuestion, updateQuestion } from './questionEdits'
import {
  newQuestionValues,
  questionToValues,
  questionTypes,
  questionValues,
  typeFieldsOf,
} from './questionForm'
import { formValues, text } from './formValues'
import { usageKey } from './safeChanges'
import { basedOnOf, conditionChoices, doneAndRedirect } from './routeSupport'
import { adminPaths } from '../../web/adminPaths'
import { param, yearParam } from '../../web/requestParams'
import { actorId } from '../../web/actor'
import type { Edit } from './editOutcome'

const base = '/admin/editions/:year/questionnaire'
const displays = ['list', 'sentence', 'value', 'topRated', 'matrixLists']

const listOf = (req: express.Request): OptionListName => {
  const name = param(req, 'list')
  if (!isOptionListName(name)) throw new BadRequestError(`There is no option list called “${name}”`)
  return name
}
const questionPage = (req: express.Request) =>
  adminPaths.questionnaireQuestion(yearParam(req), param(req, 'key'))

/** The question form's extra locals: where it may be moved, what conditions it may use, its options. */
function questionLocals(edition: Edition, key: string) {
  const { question, page } = locateQuestion(edition.definition, key)
  const pages = edition.definition.sections.flatMap((s) =>
    s.pages.map((p) => ({ key: p.key, title: `${s.title}: ${p.title}` })),
  )
  const choices = conditionChoices(edition.definition, { beforeQuestion: key })
  return {
    question,
    pageKey: page.key,
    pages,
    choices,
    lists: optionLists(question),
    profileBlocks: edition.definition.profile.blocks,
    displays,
  }
}

/** Questions and their options: add, change (text, rules, conditions, profile), reorder, remove, retire. */
export function questionRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()

  formRoute(router, authoring, `${base}/pages/:key/questions/new`, {
    view: 'authoring/question-new',
    load: (req, edition) => ({
      title: `Add a question to “${locatePage(edition.definition, param(req, 'key')).page.title}”`,
      values: newQuestionValues(),
      questionTypes,
    }),
    values: questionValues,
    edit: (req, values) => (draft) => addQuestion(draft, param(req, 'key'), values),
    next: (req, values) => adminPaths.questionnaireQuestion(yearParam(req), text(values, 'key')),
  })
  formRoute(router, authoring, `${base}/questions/:key`, {
    view: 'authoring/question-form',
    load: (req, edition, { usage }) => {
      const locals = { ...questionLocals(edition, param(req, 'key')), usage, usageKey }
      return {
        title: `Change question ${locals.question.key}`,
        values: { ...questionToValues(locals.question), pageKey: locals.pageKey },
        typeFields: typeFieldsOf(locals.question.type),
        ...locals,
      }
    },
    values: (body) => ({ ...questionValues(body), pageKey: formValues(body, ['pageKey']).pageKey }),
    edit: (req, values) => (draft) => updateQuestion(draft, param(req, 'key'), values),
    next: (req, values) => adminPaths.questionnaireQuestion(yearParam(req), text(values, 'key')),
  })
  moveRoute(
    router,
    authoring,
    `${base}/questions/:key/move`,
    (req, to) => (draft) => moveQuestion(draft, param(req, 'key'), to),
    (req) => `${adminPaths.questionnaire(yearParam(req))}#question-${param(req, 'key')}`,
  )
  confirmRoute(router, authoring, `${base}/questions/:key/remove`, {
    describe: (req, edition) => {
      const { question } = locateQuestion(edition.definition, param(req, 'key'))
      return {
        title: `Remove the question “${question.label}”?`,
        details: [`Key: ${question.key}`],
        back: questionPage(req),
      }
    },
    edit: (req) => (draft) => removeQuestion(draft, param(req, 'key')),
  })
  optionRoutes(router, authoring)
  return router
}

function optionRoutes(router: Router, authoring: QuestionnaireAuthoring): void {
  const optionsBase = `${base}/questions/:key/:list`
  const optionLocals = (req: express.Request, edition: Edition, years: number[]) => ({
    question: locateQuestion(edition.definition, param(req, 'key')).question,
    list: listOf(req),
    years: [...new Set([...years, edition.year])].sort((a, b) => a - b),
  })
  formRoute(router, authoring, `${optionsBase}/new`, {
    view: 'authoring/option-form',
    load: (req, edition, { years }) => ({
      title: 'Add an option',
      values: newOptionValues(edition.year),
      isNew: true,
      ...optionLocals(req, edition, years),
    }),
    values: optionValues,
    edit: (req, values) => (draft) => addOption(draft, param(req, 'key'), listOf(req), values),
    next: questionPage,
  })
  const renderOption = formRoute(router, authoring, `${optionsBase}/:option`, {
    view: 'authoring/option-form',
    load: (req, edition, { years }) => {
      const { option } = locateOption(
        edition.definition,
        param(req, 'key'),
        listOf(req),
        param(req, 'option'),
      )
      return {
        title: `Change option: ${option.label}`,
        values: optionToValues(option),
        isNew: false,
        option,
        ...optionLocals(req, edition, years),
      }
    },
    values: optionValues,
    edit: (req, values) => (draft) =>
      updateOption(draft, param(req, 'key'), listOf(req), param(req, 'option'), values),
    next: questionPage,
  })
  moveRoute(
    router,
    authoring,
    `${optionsBase}/:option/move`,
    (req, to) => (draft) => moveOption(draft, param(req, 'key'), listOf(req), param(req, 'option'), to),
    (req) => `${questionPage(req)}#option-${param(req, 'option')}`,
  )
  confirmRoute(router, authoring, `${optionsBase}/:option/remove`, {
    describe: (req, edition) => {
      const { option } = locateOption(
        edition.definition,
        param(req, 'key'),
        listOf(req),
        param(req, 'option'),
      )
      return {
        title: `Remove the option “${option.label}”?`,
        details: [`Key: ${option.key}`],
        back: questionPage(req),
      }
    },
    edit: (req) => (draft) => removeOption(draft, param(req, 'key'), listOf(req), param(req, 'option')),
  })
  router.post(`${optionsBase}/:option/retire`, async (req, res) => {
    const years = await authoring.editor.knownYears()
    const retire: Edit = (draft) =>
      retireOption(draft, param(req, 'key'), listOf(req), param(req, 'option'), Number(req.body?.from), years)
    const result = await authoring.editor.edit(yearParam(req), actorId(req), retire, {
      basedOn: basedOnOf(req),
      fallbackField: 'from',
    })
    if (!result.ok) return renderOption(req, res, 400, result.errors)
    doneAndRedirect(req, res, result.summary, questionPage(req))
  })
}
