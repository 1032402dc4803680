import { pino, stdSerializers, type Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import type { RequestHandler } from 'express'
import { prettyStream } from './prettyLog'

/**
 * Errors are logged with their message, code and stack, without the values a database error
 * carries: PostgreSQL's `detail` repeats the row's key ("Key (email)=(…) already exists"), and
 * `where`/`internalQuery` hold SQL. (knex's statement prefix is taken off in src/db/knex.ts.)
 */
export function serializeError(error: Error): ReturnType<typeof stdSerializers.err> {
  const {
    detail: _detail,
    where: _where,
    internalQuery: _internalQuery,
    ...rest
  } = stdSerializers.err(error) as ReturnType<typeof stdSerializers.err> & Record<string, unknown>
  return rest
}

/** JSON lines, or with `pretty` (development in a terminal) lines a person reads (prettyLog.ts). */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const settings = {
    level,
    redact: ['req.headers.cookie', 'req.body.password', 'res.headers["set-cookie"]'],
    serializers: { err: serializeError },
  }
  return options.pretty ? pino(settings, prettyStream()) : pino(settings)
}

/** Request logging; health checks and static assets are left out to keep logs (and CPU) for real work. */
export function setUpLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' || (req.url ?? '').startsWith('/assets/') },
  })
}
