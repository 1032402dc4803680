import express, { type Router } from 'express'
import type { QuestionnaireAuthoring } from './index'
import { checkPreviewPage, findPreviewPage, previewPageView, previewPages } from './preview'
import { pageLocals } from './routeSupport'
import { adminPaths } from '../../web/adminPaths'
import { yearParam, param } from '../../web/requestParams'
import { editionInLanguage } from '../editionInLanguage'
import { LOCALES } from '../../i18n/catalogues'
import { untranslatedTexts } from '../definitionTexts'
import { languageName } from '../translationProblems'

const base = '/admin/editions/:year/questionnaire/preview'

/** The questionnaire as an officer sees it, page by page; posting validates and saves nothing. */
export function previewRoutes(authoring: QuestionnaireAuthoring): Router {
  const router = express.Router()
  const { editor } = authoring
  const pagePath = adminPaths.questionnairePreviewPage

  /**
   * The edition in the page's language (chosen with ?lang= or the banner's select, as officers
   * choose theirs), and the banner's choice of languages with what each leaves in English.
   */
  const previewed = async (req: express.Request, res: express.Response) => {
    const stored = await editor.edition(yearParam(req))
    const locale = String(res.locals.locale ?? 'en')
    const languages = LOCALES.map((code) => ({
      code,
      name: languageName(code),
      selected: code === locale,
      untranslated: code === 'en' ? 0 : untranslatedTexts(stored.definition, code).length,
    }))
    res.locals.previewLanguages = languages
    return editionInLanguage(stored, locale)
  }

  router.get(base, async (req, res) => {
    const edition = await previewed(req, res)
    const pages = previewPages(edition.definition)
    res.render('authoring/preview-index', {
      ...pageLocals(edition, `Preview the ${edition.year} questionnaire`),
      pages,
      pagePath,
      ended: req.query.ended === '1',
    })
  })

  const render = (
    res: express.Response,
    status: number,
    edition: Awaited<ReturnType<typeof editor.edition>>,
    view: ReturnType<typeof previewPageView>,
  ) => {
    const backLink = view.previous
      ? pagePath(edition.year, view.previous.section.key, view.previous.page.key)
      : adminPaths.questionnairePreview(edition.year)
    // Like the officer's page: a back link, no breadcrumbs (the banner leads back to the editor).
    const locals = { ...pageLocals(edition, view.title, view.errors), breadcrumbs: undefined, backLink }
    res.status(status).render('authoring/preview-page', { ...locals, ...view, pagePath })
  }
  router.get(`${base}/:sectionKey/:pageKey`, async (req, res) => {
    const edition = await previewed(req, res)
    render(
      res,
      200,
      edition,
      previewPageView(
        edition,
        findPreviewPage(edition.definition, param(req, 'sectionKey'), param(req, 'pageKey')),
      ),
    )
  })
  router.post(`${base}/:sectionKey/:pageKey`, async (req, res) => {
    const edition = await previewed(req, res)
    const place = findPreviewPage(edition.definition, param(req, 'sectionKey'), param(req, 'pageKey'))
    const result = checkPreviewPage(edition, place, req.body ?? {})
    if (!result.ok) return render(res, 400, edition, result.view)
    const later = req.body?._action === 'later'
    if (later || !result.next)
      return res.redirect(`${adminPaths.questionnairePreview(edition.year)}${later ? '' : '?ended=1'}`)
    res.redirect(pagePath(edition.year, result.next.section.key, result.next.page.key))
  })
  return router
}
