import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { RequestHandler } from 'express'
import {
  encodedVariants,
  requestEncoding,
  sendVariant,
  variantTag,
  type EncodedVariants,
} from '../web/contentEncoding'

/** Text the browser downloads on every first visit; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
}

interface Asset {
  type: string
  /** Quoted, from the bytes: the same on every worker and instance for the same file. */
  tag: string
  variants: EncodedVariants
}

export interface AssetSource {
  /** The path under the mount point, e.g. `/css/site.css`. */
  urlPath: string
  bytes: Buffer
  type: string
}

/** Every compressible file under `directory`, as sources named by their path below it. */
export function compressibleFiles(directory: string): AssetSource[] {
  const sources: AssetSource[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      const type = COMPRESSIBLE[path.extname(entry.name).toLowerCase()]
      if (entry.isFile() && type)
        sources.push({
          urlPath: `/${path.relative(directory, full).split(path.sep).join('/')}`,
          bytes: fs.readFileSync(full),
          type,
        })
    }
  }
  walk(directory)
  return sources
}

/**
 * Static text assets held in memory with their gzip and brotli variants, each made once: with
 * `prepareNow` (production) when the app starts, one file at a time in the background, so the
 * database driver keeps threads of libuv's pool; otherwise on first request (tests and development
 * start many apps, and few of them ask for an asset). Each request gets the variant its
 * Accept-Encoding prefers, with its own ETag, and `Vary: Accept-Encoding`; a request for any other
 * path goes on (to express.static).
 */
export function precompressedAssets(
  sources: AssetSource[],
  cacheControl: string,
  { prepareNow = false }: { prepareNow?: boolean } = {},
): RequestHandler {
  const assets = new Map<string, Asset>()
  for (const { urlPath, bytes, type } of sources) {
    const tag = `"${crypto.createHash('sha1').update(bytes).digest('base64url')}"`
    assets.set(urlPath, { type, tag, variants: encodedVariants(bytes) })
  }
  if (prepareNow)
    void [...assets.values()]
      .reduce((previous, asset) => previous.then(() => asset.variants.prepare()), Promise.resolve())
      .catch(() => undefined)
  return (req, res, next) => {
    const asset = req.method === 'GET' || req.method === 'HEAD' ? assets.get(req.path) : undefined
    if (!asset) return next()
    const encoding = requestEncoding(req)
    asset.variants.get(encoding).then((body) => {
      res.set({
        'Content-Type': asset.type,
        'Cache-Control': cacheControl,
        ETag: variantTag(asset.tag, encoding),
      })
      sendVariant(res, encoding, body)
    }, next)
  }
}
