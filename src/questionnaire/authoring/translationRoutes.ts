import express, { type Request, type Response, type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import { doneAndRedirect, pageLocals } from './routeSupport'
import type { TranslationIssue } from './translationUpload'
import type { UploadResult } from './translationsService'
import { adminPaths } from '../../web/adminPaths'
import { param, yearParam } from '../../web/requestParams'
import { actorId } from '../../web/actor'
import { NotFoundError } from '../../shared/errors'

const base = '/admin/editions/:year/questionnaire/translations'

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "es.csv" → the language and the format of its file; anything else is no page. */
function fileParam(req: Request): { locale: string; format: 'csv' | 'xlsx' } {
  const match = /^([a-z]{2}(?:-[A-Z]{2})?)\.(csv|xlsx)$/.exec(param(req, 'file'))
  if (!match) throw new NotFoundError()
  return { locale: match[1], format: match[2] as 'csv' | 'xlsx' }
}

/** The questionnaire's other languages: what is left to translate, the file to download and upload. */
export function translationRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()
  const { translations } = authoring

  router.get(base, async (req, res) => {
    const { edition, languages } = await translations.overview(yearParam(req))
    res.render('authoring/translations', {
      ...pageLocals(edition, `Translations of the ${edition.year} questionnaire`),
      translationLanguages: languages,
    })
  })

  const renderLanguage = async (
    req: Request,
    res: Response,
    status: number,
    upload?: UploadResult,
    fileName = '',
  ) => {
    const { edition, language } = await translations.language(yearParam(req), param(req, 'file'))
    const problems: TranslationIssue[] = upload && !upload.ok ? upload.problems : []
    const errors = problems.length
      ? [
          {
            href: '#problems',
            text: `The file has ${plural(problems.length, 'problem', 'problems')}. Nothing was changed: fix ${problems.length === 1 ? 'it' : 'them'} and upload the file again.`,
          },
        ]
      : []
    const locals = pageLocals(
      edition,
      `${language.name} translation of the ${edition.year} questionnaire`,
      errors,
    )
    res.status(status).render('authoring/translation', {
      ...locals,
      breadcrumbs: [
        ...locals.breadcrumbs,
        { href: adminPaths.questionnaireTranslations(edition.year), text: 'Translations' },
      ],
      language,
      problems,
      warnings: upload?.warnings ?? [],
      saved: upload?.ok ? upload : undefined,
      fileName,
    })
  }

  router.get(`${base}/:file`, async (req, res) => {
    if (!param(req, 'file').includes('.')) return renderLanguage(req, res, 200)
    const { locale, format } = fileParam(req)
    const file = await translations.file(yearParam(req), locale, format)
    res.attachment(file.filename).type(file.type).send(file.body)
  })

  router.post(`${base}/:file`, async (req, res) => {
    const year = yearParam(req)
    const locale = param(req, 'file')
    const file = (req as Request & { file?: Express.Multer.File }).file
    if (!file || file.size === 0) {
      const problems = [
        { line: 0, key: '', where: 'The file', message: 'Choose a CSV or Excel file to upload' },
      ]
      return renderLanguage(req, res, 400, { ok: false, problems, warnings: [] })
    }
    const result = await translations.upload(year, locale, actorId(req), file.buffer)
    if (!result.ok) return renderLanguage(req, res, 400, result, file.originalname)
    // Warnings (English changed since the download) are listed on the page itself, with the result.
    if (result.warnings.length > 0) return renderLanguage(req, res, 200, result, file.originalname)
    const text = `The translation was saved: ${result.translated} of ${plural(result.total, 'text', 'texts')} translated`
    doneAndRedirect(req, res, text, adminPaths.questionnaireTranslation(year, locale))
  })
  return router
}
