import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import express, { type Router } from 'express'

const require = createRequire(import.meta.url)
const govukDist = path.dirname(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.js'))
const publicDir = path.resolve(import.meta.dirname, '../../public')

/**
 * GOV.UK Frontend's tested components with our own branding: its CSS is served with
 * the GOV.UK typeface swapped for the system font stack (the typeface is theirs alone).
 */
function brandedGovukCss(): string {
  const css = fs.readFileSync(path.join(govukDist, 'govuk-frontend.min.css'), 'utf8')
  return css.replaceAll(
    'GDS Transport,arial,sans-serif',
    'system-ui,-apple-system,"Segoe UI",Roboto,arial,sans-serif',
  )
}

export function setUpStaticResources(): Router {
  const router = express.Router()
  const css = brandedGovukCss()
  const cache = { maxAge: '1d', immutable: false }
  router.get('/assets/govuk-frontend.min.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=86400').send(css)
  })
  router.use('/assets/govuk', express.static(govukDist, cache))
  router.use('/assets', express.static(publicDir, cache))
  router.get('/favicon.ico', (_req, res) => res.sendFile(path.join(publicDir, 'images/favicon.svg')))
  return router
}
