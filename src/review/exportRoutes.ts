import express, { type Response, type Router } from 'express'
import { NotFoundError } from '../shared/errors'
import type { ReviewServices } from './reviewServices'
import { parseScope } from './exportService'
import { yearParam } from '../web/requestParams'

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
} as const

const download = (res: Response, type: string, fileName: string) => {
  res.type(type)
  res.attachment(fileName)
  res.set('Cache-Control', 'no-store')
}

/** Streams an edition's answers (CSV, XLSX, JSON) and its codebook to administrators. */
export function exportRoutes(review: ReviewServices): Router {
  const router = express.Router()

  router.get('/admin/editions/:year/codebook.csv', async (req, res) => {
    const edition = await review.exports.find(yearParam(req))
    download(res, types.csv, await review.exports.codebookFileName(edition))
    await review.exports.codebookCsv(edition, res)
  })

  router.get('/admin/editions/:year/export.:format', async (req, res) => {
    const format = req.params.format
    if (format !== 'csv' && format !== 'xlsx' && format !== 'json') throw new NotFoundError()
    const scope = parseScope(req.query.scope)
    const edition = await review.exports.find(yearParam(req))
    download(res, types[format], await review.exports.fileName(edition, scope, format))
    await review.exports[format](edition, scope, res)
  })
  return router
}
