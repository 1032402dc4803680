import type { Request } from 'express'
import { NotFoundError } from '../shared/errors'

/** Reading a request's path and query, the same way on every route (one parser each). */

/**
 * A survey year: four digits. Anything else, in a path or a query, is a page that does not
 * exist (404, like a well-formed year without an edition), never a 500 for a mistyped address.
 */
export function parseYear(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{4}$/.test(value))
    throw new NotFoundError('There is no such survey year')
  return Number(value)
}

/** The survey year in the path (`:year`). */
export const yearParam = (req: Request): number => parseYear(req.params.year)

/** A numeric id from the path; anything else is a page that does not exist. */
export function idParam(req: Request, name = 'id'): number {
  const raw = req.params[name]
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw new NotFoundError()
  return Number(raw)
}

/** A path parameter as a string ('' when absent). */
export const param = (req: Request, name: string): string => String(req.params[name] ?? '')

/** The first value of a query parameter as a string. */
export function queryString(req: Request, name: string): string {
  const value = req.query[name]
  return typeof value === 'string'
    ? value
    : Array.isArray(value) && typeof value[0] === 'string'
      ? value[0]
      : ''
}
