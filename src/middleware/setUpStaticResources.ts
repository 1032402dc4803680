import crypto from 'node:crypto'
import fs from 'node:fs'
import type { ServerResponse } from 'node:http'
import path from 'node:path'
import { createRequire } from 'node:module'
import express, { type Router } from 'express'
import { compressibleFiles, precompressedAssets } from './precompressedAssets'

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

const contentTags = new Map<string, string>()

/**
 * An ETag from the file's bytes instead of express.static's size and modification time: every worker
 * and every instance gives the same tag for the same file, however and whenever it was deployed.
 * Each file is read once per modification; send() keeps a tag that is already set.
 */
function contentEtag(res: ServerResponse, file: string, stat: fs.Stats): void {
  const key = `${file}|${stat.size}|${stat.mtimeMs}`
  let tag = contentTags.get(key)
  if (!tag) {
    tag = crypto.createHash('sha1').update(fs.readFileSync(file)).digest('base64url')
    contentTags.set(key, tag)
  }
  res.setHeader('ETag', `W/"${tag}"`)
}

/**
 * /assets: our own CSS, JS and images, and GOV.UK Frontend (officer and admin pages). Text assets are
 * served from memory, gzip and brotli made once at start (precompressedAssets); the rest (GOV.UK's fonts
 * and images) by express.static. `fromMemory` is off in development, where files change under a running
 * server; `prepareNow` (production) compresses them as the app starts rather than on first request.
 */
export function setUpStaticResources({
  fromMemory = true,
  prepareNow = false,
}: { fromMemory?: boolean; prepareNow?: boolean } = {}): Router {
  const router = express.Router()
  const css = brandedGovukCss()
  const maxAge = 'public, max-age=86400'
  // No Last-Modified: a file's time differs between machines, and the ETag says all a browser needs.
  const cache = { maxAge: '1d', immutable: false, lastModified: false, setHeaders: contentEtag }
  const branded = {
    urlPath: '/govuk-frontend.min.css',
    bytes: Buffer.from(css),
    type: 'text/css; charset=utf-8',
  }
  if (fromMemory)
    router.use(
      '/assets',
      precompressedAssets([branded, ...compressibleFiles(publicDir)], maxAge, { prepareNow }),
    )
  else
    router.get('/assets/govuk-frontend.min.css', (_req, res) => {
      res.type('text/css').set('Cache-Control', maxAge).send(css)
    })
  router.use('/assets/govuk', express.static(govukDist, cache))
  router.use('/assets', express.static(publicDir, cache))
  router.get('/favicon.ico', (_req, res) => res.sendFile(path.join(publicDir, 'images/favicon.svg')))
  return router
}
