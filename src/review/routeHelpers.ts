import type { Request } from 'express'
import { NotFoundError } from '../shared/errors'

/** A survey year from the path, or a 404 (never a 500 for a mistyped address). */
export function yearParam(req: Request): number {
  const year = Number(req.params.year)
  if (!Number.isInteger(year) || year < 1900 || year > 2200)
    throw new NotFoundError('There is no such survey year')
  return year
}

/** A numeric id from the path, or a 404. */
export function idParam(req: Request, name = 'id'): number {
  const id = Number(req.params[name])
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError()
  return id
}

/** The signed-in administrator's id (the routes sit behind requireAdmin). */
export const actorId = (req: Request): number => req.user!.id

/** A one-off success message for the page the next redirect lands on. */
export function flash(req: Request, text: string): void {
  req.session.flash = { kind: 'success', text }
}

/** The first value of a query parameter as a string. */
export function queryString(req: Request, name: string): string {
  const value = req.query[name]
  return typeof value === 'string'
    ? value
    : Array.isArray(value) && typeof value[0] === 'string'
      ? value[0]
      : ''
}
