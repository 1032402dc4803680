import type { CityRequestsRepository, CityRequest } from './cityRequestsRepository'
import type { UsersRepository } from './usersRepository'
import type { AccountsTransaction } from './accountsTransactionRepository'
import type { CitiesRepository } from '../cities/citiesRepository'
import { createAccountWithLink, type Actor } from './accountAdminService'
import {
  approveCitySchema,
  cityRequestSchema,
  fail,
  parseForm,
  rejectCitySchema,
  type ApproveCityInput,
  type FormResult,
} from './accountForms'
import { ConflictError, NotFoundError } from '../shared/errors'
import { citySlug } from '../cities/citySlug'
import { standardRegions } from '../cities/regions'
import type { Mail } from '../mail/mailServices'

interface Deps {
  cityRequests: CityRequestsRepository
  cities: CitiesRepository
  users: UsersRepository
  transaction: AccountsTransaction
  mail: Mail
}

/** The slug of a city from its name and ISO-3 code (one rule for every place that makes cities). */
export const slugFor = citySlug

const sameText = (a: string, b: string) =>
  a.trim().localeCompare(b.trim(), 'en', { sensitivity: 'base' }) === 0

/** "Add your city": the public request, and an administrator approving or rejecting it. */
export function cityRequestService({ cityRequests, cities, users, transaction, mail }: Deps) {
  const mustFind = async (id: number): Promise<CityRequest> => {
    const request = await cityRequests.findById(id)
    if (!request) throw new NotFoundError('There is no such request')
    return request
  }
  const mustBePending = (request: CityRequest) => {
    if (request.status !== 'pending')
      throw new ConflictError(`This request has already been ${request.status}.`)
  }

  return {
    /** Stores a request from the public form and tells the administrators, in one transaction. */
    async submit(input: unknown): Promise<FormResult<{ id: number }>> {
      const form = parseForm(cityRequestSchema, input)
      if (!form.ok) return form
      const admins = await mail.recipients.admins()
      const id = await transaction.run(async (tx) => {
        const created = await tx.cityRequests.create(form.value)
        await tx.outbox.enqueue(await mail.notify.cityRequestReceived(admins, { id: created, ...form.value }))
        return created
      })
      return { ok: true, value: { id } }
    },

    list: (): Promise<CityRequest[]> => cityRequests.list(),
    get: mustFind,

    /** A request that can still be decided (a decided one answers 409). */
    async getPending(id: number): Promise<CityRequest> {
      const request = await mustFind(id)
      mustBePending(request)
      return request
    },

    /**
     * What the approval form starts with: ISO-3 code and region from a city already in the
     * same country (the admin checks them), the slug from the name and code.
     */
    async approvalDefaults(
      id: number,
    ): Promise<{ request: CityRequest; values: ApproveCityInput; regions: string[] }> {
      const request = await mustFind(id)
      mustBePending(request)
      const all = await cities.list()
      const sameCountry = all.find((c) => sameText(c.country, request.country))
      const iso3 = sameCountry?.iso3 ?? ''
      const regions = [...new Set([...standardRegions, ...all.map((c) => c.region)])].sort()
      const values = {
        cityName: request.cityName,
        country: sameCountry?.country ?? request.country,
        slug: slugFor(request.cityName, iso3),
        iso3,
        region: sameCountry?.region ?? '',
        officerName: request.contactName,
        officerEmail: request.email,
      }
      return { request, values, regions }
    },

    /**
     * Approves a pending request: creates the city and an officer account for its contact
     * with a one-time link (emailed to them), records the decision and the audit entries, all in
     * one transaction.
     */
    async approve(
      actor: Actor,
      id: number,
      input: unknown,
    ): Promise<FormResult<{ userId: number; token: string; cityName: string }>> {
      mustBePending(await mustFind(id))
      const form = parseForm(approveCitySchema, input)
      if (!form.ok) return form
      const v = form.value
      if (await cities.findBySlug(v.slug))
        return fail('slug', 'A city with this slug already exists: choose another')
      if (await users.findByEmail(v.officerEmail))
        return fail('officerEmail', 'An account with this email address already exists')
      const created = await transaction.run(async (tx) => {
        if (!(await tx.cityRequests.decide(id, { status: 'approved', reason: null, decidedBy: actor.id })))
          return undefined
        const city = {
          slug: v.slug,
          name: v.cityName,
          country: v.country,
          iso3: v.iso3,
          region: v.region,
          latitude: null,
          longitude: null,
          population: null,
        }
        const cityId = await tx.cities.create(city)
        await tx.audit.record({
          actorId: actor.id,
          type: 'city_request_approved',
          subject: v.cityName,
          detail: { requestId: id, cityId },
          ip: actor.ip,
        })
        const to = { email: v.officerEmail, displayName: v.officerName, cityId }
        const { userId, token } = await createAccountWithLink(tx, actor, { ...to, role: 'officer' })
        await tx.outbox.enqueue([await mail.notify.cityRequestApproved(to, token, v.cityName)])
        return { userId, token, cityName: v.cityName }
      })
      if (!created) throw new ConflictError('This request has already been decided.')
      return { ok: true, value: created }
    },

    /** Rejects a pending request; the reason is required and recorded. */
    async reject(actor: Actor, id: number, input: unknown): Promise<FormResult<{ cityName: string }>> {
      const request = await mustFind(id)
      mustBePending(request)
      const form = parseForm(rejectCitySchema, input)
      if (!form.ok) return form
      const decided = await transaction.run(async (tx) => {
        if (
          !(await tx.cityRequests.decide(id, {
            status: 'rejected',
            reason: form.value.reason,
            decidedBy: actor.id,
          }))
        )
          return false
        const to = { email: request.email, displayName: request.contactName, cityId: null }
        await tx.outbox.enqueue([
          await mail.notify.cityRequestDeclined(to, request.cityName, form.value.reason),
        ])
        await tx.audit.record({
          actorId: actor.id,
          type: 'city_request_rejected',
          subject: request.cityName,
          detail: { requestId: id, reason: form.value.reason },
          ip: actor.ip,
        })
        return true
      })
      if (!decided) throw new ConflictError('This request has already been decided.')
      return { ok: true, value: { cityName: request.cityName } }
    },
  }
}

export type CityRequestService = ReturnType<typeof cityRequestService>
