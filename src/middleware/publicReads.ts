import type { RequestHandler } from 'express'
import { isAnonymousPublicRead } from '../web/publicPaths'

/** Runs `middleware` for every request except anonymous public reads (src/web/publicPaths.ts). */
export const exceptAnonymousPublicReads =
  (middleware: RequestHandler): RequestHandler =>
  (req, res, next) =>
    isAnonymousPublicRead(req) ? next() : middleware(req, res, next)
