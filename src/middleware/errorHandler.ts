import crypto from 'node:crypto'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { AppError } from '../shared/errors'
import { translatorOf } from '../i18n/catalogues'

export const notFoundHandler: RequestHandler = (_req, res) => {
  const t = translatorOf(res.locals)
  res.status(404).render('errors/error', {
    title: t('errors.title.404'),
    status: 404,
    message: t('errors.notFound'),
  })
}

const titled = new Set([400, 403, 404, 409, 413, 503])

/** One place maps typed errors to a status and a page; stack traces only outside production. */
export function errorHandler(production: boolean): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status =
      error instanceof AppError ? error.status : Number(error?.status ?? error?.statusCode) || 500
    if (status >= 500) req.log?.error({ err: error }, 'request failed')
    // The page's language where setUpLocale has chosen one, else English.
    const t = translatorOf(res.locals)
    const message =
      status === 503
        ? t('errors.unavailable')
        : status >= 500
          ? t('errors.serverError')
          : String(error.message ?? '')
    if (res.headersSent) return
    res.status(status)
    if (req.accepts(['html', 'json']) === 'json') return res.json({ error: message })
    const title = t(
      titled.has(status)
        ? `errors.title.${status}`
        : status >= 500
          ? 'errors.title.500'
          : 'errors.title.other',
    )
    // An error can come before the middleware that sets these locals (e.g. the early revalidation).
    res.locals.cspNonce ??= crypto.randomBytes(16).toString('base64')
    res.locals.currentPath ??= req.path
    const stack = production || status < 500 ? undefined : error?.stack
    const links = error instanceof AppError ? error.links : undefined
    res.render('errors/error', { title, status, message, stack, links }, (renderError, html) => {
      if (!renderError) return res.send(html)
      // The error page itself must never fail: a plain page, and the cause logged.
      req.log?.error({ err: renderError }, 'error page failed to render')
      res.type('html').send(plainErrorPage(title, message))
    })
  }
}

function plainErrorPage(title: string, message: string): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Go to the home page</a></p></body></html>`
}
