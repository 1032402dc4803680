import type { Request } from 'express'
import { ForbiddenError } from '../shared/errors'

/** Who acts on a request, for the routes of every capability (one definition each). */

/** The signed-in user's id (routes behind a guard: the user is there). */
export const actorId = (req: Request): number => req.user!.id

/** An officer bound to a city (the only users of the survey pages). */
export interface Officer {
  id: number
  displayName: string
  cityId: number
  /** The page's language (res.locals.locale): the questionnaire is shown, and answers recorded, in it. */
  locale?: string
}

/** The signed-in officer, or a 403 for anyone else. */
export function asOfficer(user: Express.User | undefined): Officer {
  if (!user || user.role !== 'officer' || user.cityId === null)
    throw new ForbiddenError('This page is for city innovation officers')
  return { id: user.id, displayName: user.displayName, cityId: user.cityId }
}

/** The signed-in user making a change, with the address it came from, for the audit trail. */
export const auditActor = (req: Request): { id: number; ip: string | null } => ({
  id: req.user!.id,
  ip: req.ip ?? null,
})
