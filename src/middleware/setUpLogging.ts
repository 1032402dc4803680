import { pino, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import type { RequestHandler } from 'express'

export function createLogger(level: string): Logger {
  return pino({ level, redact: ['req.headers.cookie', 'req.body.password', 'res.headers["set-cookie"]'] })
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
