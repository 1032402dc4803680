import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Express, Request, Response } from 'express'
import { LruCache } from './lruCache'
import {
  encodeBytes,
  encodedVariants,
  variantTag,
  type EncodedVariants,
  type Encoding,
} from '../web/contentEncoding'

/**
 * A fingerprint of the templates a snapshot is rendered with, so a deploy with new templates
 * changes every ETag (the same on every instance running the same code).
 */
function templatesVersionOf(viewsDir: string): string {
  const hash = crypto.createHash('sha1')
  for (const dir of ['profiles', 'partials']) {
    const full = path.join(viewsDir, dir)
    if (!fs.existsSync(full)) continue
    for (const file of fs.readdirSync(full).sort())
      hash.update(file).update(fs.readFileSync(path.join(full, file)))
  }
  return hash.digest('hex').slice(0, 12)
}

const NONCE_SLOT = '__CSP_NONCE__'

const renderView = (app: Express, view: string, locals: Record<string, unknown>): Promise<string> =>
  new Promise<string>((resolve, reject) =>
    app.render(view, { ...app.locals, ...locals }, (error, rendered) =>
      error ? reject(error) : resolve(rendered),
    ),
  )

/**
 * The public pages' caches and ETags, created once per app (createApp): its memory lives and
 * dies with the app, and two apps in one process (tests) share nothing.
 */
export function pageCache(viewsDir: string) {
  const templatesVersion = templatesVersionOf(viewsDir)

  /**
   * Sets the ETag of a page built from stored content and answers 304 when the browser has it.
   * The tag covers the content, the templates and who is signed in (the header shows it). A 304
   * carries no new Content-Security-Policy, so the cached page keeps the nonce it was sent with.
   */
  function notModified(req: Request, res: Response, ...parts: Array<string | number>): boolean {
    return answeredNotModified(req, res, undefined, parts)
  }

  /**
   * notModified for a page whose body depends on Accept-Encoding, sent in `encoding`: each encoding's
   * bytes have a tag of their own.
   */
  function notModifiedVariant(
    req: Request,
    res: Response,
    encoding: Encoding,
    ...parts: Array<string | number>
  ): boolean {
    return answeredNotModified(req, res, encoding, parts)
  }

  // A page's tag is asked on every request (a 304 is the most frequent read): hashed once per key.
  const tags = new LruCache<string, string>(2000)
  const tagOf = (key: string): string =>
    tags.get(key) ?? tags.set(key, crypto.createHash('sha1').update(key).digest('base64url'))

  function answeredNotModified(
    req: Request,
    res: Response,
    encoding: Encoding | undefined,
    parts: Array<string | number>,
  ): boolean {
    // Without the view cache (npm run dev) templates change under a running server: no 304s then.
    if (!req.app.enabled('view cache')) return false
    const viewer = req.user ? `${req.user.id}:${req.user.role}` : 'anonymous'
    // The survey's identity (its name, unit words) is on every page: a changed setting changes every tag.
    const identity = String(res.locals.identityVersion ?? '')
    // The header and footer follow the reader's language (setUpLocale).
    const locale = String(res.locals.locale ?? 'en')
    const tag = tagOf([templatesVersion, identity, viewer, locale, ...parts].join('|'))
    res.set({
      ETag: `W/${variantTag(`"${tag}"`, encoding ?? 'identity')}`,
      'Cache-Control': 'no-cache',
      Vary: 'Cookie',
    })
    if (encoding) res.vary('Accept-Encoding')
    if (!req.fresh) return false
    res.removeHeader('Content-Security-Policy')
    res.status(304).end()
    return true
  }

  const fragments = new LruCache<string, string>(500)

  /** Renders a view to a string once per key (e.g. a snapshot's content hash), then serves it from memory. */
  async function cachedFragment(
    app: Express,
    view: string,
    key: string,
    locals: () => Record<string, unknown>,
  ): Promise<string> {
    const cacheKey = `${view}|${key}`
    const cache = app.enabled('view cache')
    const hit = cache ? fragments.get(cacheKey) : undefined
    if (hit !== undefined) return hit
    const html = await renderView(app, view, locals())
    return cache ? fragments.set(cacheKey, html) : html
  }

  interface Stamped {
    parts: Buffer[]
    /** Only for a page without a nonce: the same bytes for everyone, so encoded once. */
    variants?: EncodedVariants
  }
  const stampedPages = new LruCache<string, Stamped>(500)

  /**
   * A whole page that is the same for every anonymous visitor but for its CSP nonce: rendered
   * once per key and kept as UTF-8 bytes between its nonce slots, so a request only joins the
   * bytes around its own nonce (no rendering, no text encoding). A page with no nonce in it is
   * the same bytes for everyone: its gzip and brotli variants are made once, on first request,
   * and kept with it; a page with one is encoded per request, quickly.
   */
  async function cachedAnonymousPage(
    app: Express,
    view: string,
    key: string,
    locals: () => Record<string, unknown>,
  ): Promise<(nonce: string, encoding?: Encoding) => Promise<Buffer>> {
    const cacheKey = `${view}|${key}`
    const cache = app.enabled('view cache')
    let stamped = cache ? stampedPages.get(cacheKey) : undefined
    if (!stamped) {
      const html = await renderView(app, view, { ...locals(), cspNonce: NONCE_SLOT })
      const parts = html.split(NONCE_SLOT).map((text) => Buffer.from(text))
      stamped = { parts, variants: parts.length === 1 ? encodedVariants(parts[0]) : undefined }
      if (cache) stampedPages.set(cacheKey, stamped)
    }
    const { parts, variants } = stamped
    return async (nonce, encoding = 'identity') => {
      if (variants) return variants.get(encoding)
      const stamp = Buffer.from(nonce)
      const bytes = Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [stamp, part])))
      return encodeBytes(bytes, encoding, true)
    }
  }

  return { notModified, notModifiedVariant, cachedFragment, cachedAnonymousPage }
}

export type PageCache = ReturnType<typeof pageCache>
