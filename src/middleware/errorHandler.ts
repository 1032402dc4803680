import type { ErrorRequestHandler, RequestHandler } from 'express'
import { AppError } from '../shared/errors'

export const notFoundHandler: RequestHandler = (_req, res) => {
  res.status(404).render('errors/error', {
    title: 'Page not found',
    status: 404,
    message: 'If you typed the web address, check it is correct.',
  })
}

/** One place maps typed errors to a status and a page; stack traces only outside production. */
export function errorHandler(production: boolean): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const status =
      error instanceof AppError ? error.status : Number(error?.status ?? error?.statusCode) || 500
    if (status >= 500) req.log?.error({ err: error }, 'request failed')
    const titles: Record<number, string> = {
      400: 'There is a problem with your request',
      403: 'You do not have permission to see this page',
      404: 'Page not found',
      409: 'This has changed since you loaded the page',
      413: 'What you sent is too large',
    }
    const message =
      status >= 500
        ? 'Sorry, there is a problem with the service. Try again later.'
        : String(error.message ?? '')
    if (res.headersSent) return
    res.status(status)
    if (req.accepts(['html', 'json']) === 'json') return res.json({ error: message })
    res.render('errors/error', {
      title:
        titles[status] ??
        (status >= 500 ? 'Sorry, there is a problem with the service' : 'Something went wrong'),
      status,
      message,
      stack: production || status < 500 ? undefined : error?.stack,
    })
  }
}
