import { z } from 'zod'
import type { AuditRepository } from '../accounts/auditRepository'
import type { CitiesRepository } from '../cities/citiesRepository'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import { nowIso } from '../shared/clock'
import { deadlineInstant, formatDeadline } from '../shared/deadline'
import { NotFoundError, type FieldError } from '../shared/errors'
import { fieldErrors } from '../shared/formErrors'
import { editionSubject } from './editionAdminRepository'
import { closesTimeSchema, isRealDate } from './editionAdminService'
import type { ExtensionsRepository } from './extensionsRepository'

interface Deps {
  editions: EditionsRepository
  extensions: ExtensionsRepository
  cities: CitiesRepository
  audit: AuditRepository
}

export interface ExtensionInput {
  cityId: string
  closesOn: string
  closesTime: string
  reason: string
}

const extensionSchema = z.object({
  cityId: z.coerce.number({ error: 'Select the city' }).int().positive('Select the city'),
  closesOn: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the new closing date, like 2027-01-15')
    .refine(isRealDate, 'Enter a real date, like 2027-01-15'),
  closesTime: closesTimeSchema,
  reason: z
    .string()
    .trim()
    .min(1, 'Enter the reason for the extension')
    .max(500, 'Enter a reason of 500 characters or fewer'),
})

/** Deadlines that hold: a later deadline for one city, and survey years that close themselves. */
export function deadlineService(deps: Deps) {
  const find = async (year: number) => {
    const edition = await deps.editions.findByYear(year)
    if (!edition) throw new NotFoundError(`There is no survey year ${year}`)
    return edition
  }

  return {
    /** The extension form's page: the survey year, its cities and the extensions so far. */
    async extensionsPage(year: number) {
      const edition = await find(year)
      return {
        edition,
        deadline: edition.closesAt ? formatDeadline(edition.closesAt, edition.timeZone) : undefined,
        cities: (await deps.cities.list()).map((c) => ({ id: c.id, name: c.name })),
        extensions: (await deps.extensions.list(edition.id)).map((x) => ({
          ...x,
          deadline: formatDeadline(x.closesAt, edition.timeZone),
        })),
      }
    },

    /** Gives one city a later deadline (in the survey year's time zone), audited with its reason. */
    async extend(year: number, input: ExtensionInput, actorId: number): Promise<{ errors: FieldError[] }> {
      const edition = await find(year)
      const parsed = extensionSchema.safeParse(input)
      if (!parsed.success) return { errors: fieldErrors(parsed.error) }
      const { cityId, closesOn, closesTime, reason } = parsed.data
      const city = await deps.cities.findById(cityId)
      if (!city) return { errors: [{ href: '#cityId', text: 'Select the city' }] }
      const closesAt = deadlineInstant(closesOn, closesTime, edition.timeZone)!
      if (closesAt <= nowIso())
        return { errors: [{ href: '#closesOn', text: 'The new deadline must be in the future' }] }
      await deps.extensions.set(edition.id, cityId, closesAt, reason, actorId)
      await deps.audit.record({
        actorId,
        type: 'deadline_extended',
        subject: editionSubject(year),
        detail: { cityId, cityName: city.name, closesAt, reason },
      })
      return { errors: [] }
    },

    /** Ends a city's extension: the survey year's own deadline applies again. */
    async removeExtension(year: number, cityId: number, actorId: number): Promise<void> {
      const edition = await find(year)
      if (!(await deps.extensions.remove(edition.id, cityId))) throw new NotFoundError()
      await deps.audit.record({
        actorId,
        type: 'deadline_extension_removed',
        subject: editionSubject(year),
        detail: { cityId },
      })
    },

    /** Closes every open survey year whose deadline has passed (run on a timer; safe on several instances). */
    async closeDue(now: string = nowIso()): Promise<number[]> {
      const closed = await deps.editions.closeDue(now)
      for (const year of closed)
        await deps.audit.record({
          actorId: null,
          type: 'edition_close',
          subject: editionSubject(year),
          detail: { from: 'open', to: 'closed', automatic: true },
        })
      return closed
    },
  }
}

export type DeadlineService = ReturnType<typeof deadlineService>
