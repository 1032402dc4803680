import type { Request } from 'express'
import { NotFoundError } from '../shared/errors'
import type { Actor } from './accountAdminService'

/** The signed-in administrator making a change, for the audit trail. */
export const actorOf = (req: Request): Actor => ({ id: req.user!.id, ip: req.ip ?? null })

/** A numeric id from the path; anything else is a page that does not exist. */
export function idParam(req: Request, name = 'id'): number {
  const raw = req.params[name]
  if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw)) throw new NotFoundError()
  return Number(raw)
}

/**
 * The absolute address of a path on this site, to pass on by email or chat: from the configured
 * PUBLIC_BASE_URL, never from the request's Host header (a client chooses that).
 */
export const absoluteUrl = (baseUrl: string, path: string): string => `${baseUrl}${path}`
