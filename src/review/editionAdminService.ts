import { z } from 'zod'
import type { AuditRepository } from '../accounts/auditRepository'
import type { Edition, EditionsRepository, EditionStatus } from '../questionnaire/editionsRepository'
import { validateDefinition, type DefinitionProblem } from '../questionnaire/validateDefinition'
import type { EditionEvents } from '../shared/editionEvents'
import { ConflictError, NotFoundError, type FieldError } from '../shared/errors'
import { fieldErrors } from '../shared/formErrors'
import { deadlineInstant, isTimeZone } from '../shared/deadline'
import { editionSubject, type EditionAdminRepository } from './editionAdminRepository'
import { actionRules, actionsFrom, refusal, type LifecycleAction } from './editionLifecycle'
import type { Mail } from '../mail/mailServices'
import { chooseBasis } from '../profiles/aggregate'
import { refsSharingQuestions } from '../profiles/basisMembers'
import type { ProfilesRepository } from '../profiles/profilesRepository'

interface Deps {
  editions: EditionsRepository
  editionAdmin: EditionAdminRepository
  profiles: Pick<ProfilesRepository, 'approvedResponses'>
  /** Shares are shown only when at least this many cities are compared. */
  threshold: number
  audit: AuditRepository
  events: EditionEvents
  mail: Mail
}

// Date.parse('2026-02-30') rolls over to March, so check the date reads back the same.
export const isRealDate = (v: string): boolean => {
  if (v === '') return true
  const date = new Date(`${v}T00:00:00Z`)
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === v
  )
}

const date = z
  .string()
  .trim()
  .refine(isRealDate, 'Enter a real date, like 2026-09-01')
  .transform((v) => v || null)

export const closesTimeSchema = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time on the 24-hour clock, like 17:00')

export const timeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, 'Enter a time zone name, like Europe/Amsterdam or UTC')

export const settingsSchema = z
  .object({
    opensOn: date,
    closesOn: date,
    closesTime: closesTimeSchema,
    timeZone: timeZoneSchema,
    basis: z.enum(['approved', 'latest'], { error: 'Select which cities profiles compare with' }),
  })
  .refine((s) => !s.opensOn || !s.closesOn || s.closesOn >= s.opensOn, {
    path: ['closesOn'],
    message: 'The closing date must be on or after the opening date',
  })

export interface EditionSettingsInput {
  opensOn: string
  closesOn: string
  closesTime: string
  timeZone: string
  basis: string
}

const actionButtons = (status: EditionStatus) =>
  actionsFrom(status).map((action) => ({ action, label: actionRules[action].label }))

export function editionAdminService(deps: Deps) {
  const find = async (year: number) => {
    const edition = await deps.editions.findByYear(year)
    if (!edition) throw new NotFoundError(`There is no survey year ${year}`)
    return edition
  }
  const countsByEdition = async () => {
    const counts = new Map<number, Record<string, number>>()
    for (const c of await deps.editionAdmin.responseCounts()) {
      const entry = counts.get(c.editionId) ?? { total: 0 }
      entry[c.status] = c.count
      entry.total += c.count
      counts.set(c.editionId, entry)
    }
    return counts
  }
  /** The responses the basis may draw on, as the profiles choose them (refsSharingQuestions for "latest"). */
  const basisCandidates = async (edition: Edition) => {
    const refs = await deps.profiles.approvedResponses(edition.year, edition.basis === 'approved')
    if (edition.basis !== 'latest') return refs
    const all = await deps.editions.listWithDefinitions()
    const definitions = new Map(all.map((e) => [e.year, e.definition] as const))
    return refsSharingQuestions(refs, edition, definitions)
  }

  const problemsOf = async (year: number): Promise<DefinitionProblem[]> => {
    const edition = await find(year)
    const knownYears = (await deps.editions.list()).map((e) => e.year)
    const result = validateDefinition(edition.definition, { knownYears })
    return result.ok ? [] : result.problems
  }

  return {
    /** Every survey year with its response counts per status and the actions open to it. */
    async list() {
      const counts = await countsByEdition()
      return (await deps.editions.list()).map((edition) => ({
        edition,
        counts: counts.get(edition.id) ?? { total: 0 },
        actions: actionButtons(edition.status),
      }))
    },

    /** One survey year: settings, counts, possible actions, definition problems and history. */
    async details(year: number) {
      const edition = await find(year)
      const counts = (await countsByEdition()).get(edition.id) ?? { total: 0 }
      return {
        edition,
        counts,
        actions: actionButtons(edition.status),
        problems: await problemsOf(year),
        history: await deps.editionAdmin.history(year),
      }
    },

    /**
     * What the confirmation page of a lifecycle action shows; refuses an action the status does
     * not allow. Publishing also says how many cities the year's pages will compare (its basis,
     * as the profiles will count it) and the disclosure threshold, so a year with too few
     * approved cities is not published by surprise.
     */
    async confirmation(year: number, action: LifecycleAction) {
      const edition = await find(year)
      const refused = refusal(edition.status, action)
      if (refused) throw new ConflictError(refused)
      const publishing =
        action === 'publish'
          ? {
              compared: chooseBasis(edition.basis, year, await basisCandidates(edition)).length,
              threshold: deps.threshold,
            }
          : undefined
      return {
        edition,
        rule: actionRules[action],
        problems: action === 'open' ? await problemsOf(year) : [],
        publishing,
      }
    },

    /**
     * Applies a lifecycle action: checks the transition (409 when illegal), that an opened
     * questionnaire is valid (problems returned, nothing changed), records it, and tells
     * the profiles when publishing changes what the public sees. Publishing queues, with the
     * change, a message to each officer of a city whose response is approved.
     */
    async apply(
      year: number,
      action: LifecycleAction,
      actorId: number,
    ): Promise<{ problems: DefinitionProblem[]; status?: EditionStatus }> {
      const { edition, rule, problems } = await this.confirmation(year, action)
      if (problems.length > 0) return { problems }
      const notices =
        action === 'publish'
          ? await deps.mail.notify.editionPublished(
              await deps.mail.recipients.officersOfApprovedCities(edition.id),
              edition,
            )
          : []
      if (!(await deps.editionAdmin.transitionStatus(edition.id, edition.status, rule.to, notices))) {
        throw new ConflictError(
          'Someone else changed this survey year’s status a moment ago. Check it and try again.',
        )
      }
      await deps.audit.record({
        actorId,
        type: `edition_${action}`,
        subject: editionSubject(year),
        detail: { from: edition.status, to: rule.to },
      })
      if (rule.change) await deps.events.changed(edition.id, rule.change)
      return { problems: [], status: rule.to }
    },

    /** Changes the dates and the comparison basis; a new basis regenerates the profiles. */
    async updateSettings(
      year: number,
      input: EditionSettingsInput,
      actorId: number,
    ): Promise<{ errors: FieldError[] }> {
      const edition = await find(year)
      const parsed = settingsSchema.safeParse(input)
      if (!parsed.success) return { errors: fieldErrors(parsed.error) }
      const { opensOn, closesOn, closesTime, timeZone, basis } = parsed.data
      await deps.editions.update(edition.id, {
        opens_on: opensOn,
        closes_on: closesOn,
        closes_time: closesTime,
        time_zone: timeZone,
        closes_at: deadlineInstant(closesOn, closesTime, timeZone),
        basis,
      })
      const before = {
        opensOn: edition.opensOn,
        closesOn: edition.closesOn,
        closesTime: edition.closesTime,
        timeZone: edition.timeZone,
        basis: edition.basis,
      }
      await deps.audit.record({
        actorId,
        type: 'edition_settings',
        subject: editionSubject(year),
        detail: { before, after: parsed.data },
      })
      if (basis !== edition.basis) await deps.events.changed(edition.id, 'basis_changed')
      return { errors: [] }
    },
  }
}

export type EditionAdminService = ReturnType<typeof editionAdminService>
