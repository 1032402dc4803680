import { pino, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import type { RequestHandler } from 'express'
import { prettyStream } from './prettyLog'

/** JSON lines, or with `pretty` (development in a terminal) lines a person reads (prettyLog.ts). */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const settings = { level, redact: ['req.headers.cookie', 'req.body.password', 'res.headers["set-cookie"]'] }
  return options.pretty ? pino(settings, prettyStream()) : pino(settings)
}

/** Request logging; health checks and static assets are left out to keep logs (and CPU) for real work. */
export function setUpLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url ?? '').startsWith('/assets/') },
  })
}
