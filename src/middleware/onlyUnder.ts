import type { RequestHandler } from 'express'

/**
 * Runs `handler` (a router) only for paths at or under one of `prefixes` ('/' means the home
 * page alone), so every other request skips its route layers instead of testing each one.
 */
export function onlyUnder(prefixes: string[], handler: RequestHandler): RequestHandler {
  const matches = (path: string) =>
    prefixes.some((prefix) => path === prefix || (prefix !== '/' && path.startsWith(`${prefix}/`)))
  // Express matches routes whatever their case, so this does too.
  return (req, res, next) => (matches(req.path.toLowerCase()) ? handler(req, res, next) : next())
}
