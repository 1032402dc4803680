import type { Request } from 'express'
import { ForbiddenError } from '../shared/errors'
import type { Locale } from '../i18n/catalogues'

/** Who acts on a request, for the routes of every capability (one definition each). */

/** The signed-in user's id (routes behind a guard: the user is there). */
export const actorId = (req: Request): number => req.user!.id

/** An officer bound to a city (the only users of the survey pages). */
export interface Officer {
  id: number
  displayName: string
  cityId: number
  /** The language of the officer's pages (validation messages, texts written in code); English when not given. */
  locale?: Locale
}

/** The signed-in officer, or a 403 for anyone else. */
export function asOfficer(user: Express.User | undefined, locale?: Locale): Officer {
  if (!user || user.role !== 'officer' || user.cityId === null)
    throw new ForbiddenError('This page is for city innovation officers')
  return { id: user.id, displayName: user.displayName, cityId: user.cityId, ...(locale ? { locale } : {}) }
}

/** The signed-in user making a change, with the address it came from, for the audit trail. */
export const auditActor = (req: Request): { id: number; ip: string | null } => ({
  id: req.user!.id,
  ip: req.ip ?? null,
})
