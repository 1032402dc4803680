import express, { type Request, type Router } from 'express'
import { auditActor } from '../../web/actor'
import { adminPaths } from '../../web/adminPaths'
import type { CityImportService } from './cityImportService'
import { templateCsv, templateXlsx } from './importFile'

const base = adminPaths.cityImport()
const breadcrumbs = [
  { href: adminPaths.home(), text: 'Administration' },
  { href: adminPaths.cities(), text: 'Cities' },
]

/** Bulk onboarding: upload, preview with every problem, then create and invite. */
export function cityImportRoutes(imports: CityImportService): Router {
  const router = express.Router()
  const uploadPage = (
    errors: Array<{ href: string; text: string }>,
    problems: unknown[] = [],
    fileName = '',
  ) => ({
    title: 'Import cities and officers',
    breadcrumbs,
    errors,
    problems,
    fileName,
  })

  router.get(base, (_req, res) => res.render('accounts/city-import', uploadPage([])))

  router.get(`${base}/template.csv`, (_req, res) => {
    res.attachment('city-import-template.csv').type('text/csv; charset=utf-8').send(templateCsv())
  })
  router.get(`${base}/template.xlsx`, async (_req, res) => {
    res.attachment('city-import-template.xlsx').send(await templateXlsx())
  })

  router.post(base, async (req, res) => {
    const file = (req as Request & { file?: Express.Multer.File }).file
    if (!file || file.size === 0)
      return res
        .status(400)
        .render('accounts/city-import', uploadPage([{ href: '#file', text: 'Choose a CSV or Excel file' }]))
    const preview = await imports.preview(file.originalname, file.buffer)
    if (!preview.ok) {
      const text = `The file has ${preview.problems.length} problem${preview.problems.length === 1 ? '' : 's'}. Nothing has been imported: fix ${preview.problems.length === 1 ? 'it' : 'them'} and upload the file again.`
      return res
        .status(400)
        .render(
          'accounts/city-import',
          uploadPage([{ href: '#problems', text }], preview.problems, file.originalname),
        )
    }
    req.session.pendingImport = { fileName: file.originalname, rows: preview.rows }
    res.render('accounts/city-import-preview', {
      title: 'Check the import',
      breadcrumbs,
      ...preview,
      fileName: file.originalname,
    })
  })

  router.post(`${base}/create`, async (req, res) => {
    const pending = req.session.pendingImport
    if (!pending) return res.redirect(base)
    const result = await imports.create(auditActor(req), pending.rows)
    delete req.session.pendingImport
    if (!result.ok)
      return res
        .status(409)
        .render(
          'accounts/city-import',
          uploadPage(
            [{ href: '#problems', text: 'Something changed since the preview: nothing has been imported.' }],
            result.problems,
            pending.fileName,
          ),
        )
    res.render('accounts/city-import-done', {
      title: 'Cities and officers imported',
      breadcrumbs,
      officers: result.officers,
      newCities: result.newCities,
    })
  })
  return router
}
