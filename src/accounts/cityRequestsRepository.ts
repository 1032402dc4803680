import type { Knex } from 'knex'
import { insertReturningId } from '../db/dialect'
import { nowIso } from '../shared/clock'

export type CityRequestStatus = 'pending' | 'approved' | 'rejected'

export interface CityRequest {
  id: number
  cityName: string
  country: string
  contactName: string
  email: string
  contactRole: string
  status: CityRequestStatus
  decisionReason: string | null
  decidedBy: number | null
  decidedAt: string | null
  createdAt: string
}

export type NewCityRequest = Pick<
  CityRequest,
  'cityName' | 'country' | 'contactName' | 'email' | 'contactRole'
>

interface CityRequestRow {
  id: number
  city_name: string
  country: string
  contact_name: string
  email: string
  contact_role: string
  status: CityRequestStatus
  decision_reason: string | null
  decided_by: number | null
  decided_at: string | null
  created_at: string
}

const toRequest = (row: CityRequestRow): CityRequest => ({
  id: row.id,
  cityName: row.city_name,
  country: row.country,
  contactName: row.contact_name,
  email: row.email,
  contactRole: row.contact_role,
  status: row.status,
  decisionReason: row.decision_reason,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  createdAt: row.created_at,
})

/** "Add your city" requests from the public form, and the admin's decision on each. */
export function cityRequestsRepository(knex: Knex) {
  return {
    async create(request: NewCityRequest): Promise<number> {
      return insertReturningId(knex, 'city_requests', {
        city_name: request.cityName,
        country: request.country,
        contact_name: request.contactName,
        email: request.email,
        contact_role: request.contactRole,
        status: 'pending',
        created_at: nowIso(),
      })
    },
    async findById(id: number): Promise<CityRequest | undefined> {
      const row = await knex<CityRequestRow>('city_requests').where({ id }).first()
      return row && toRequest(row)
    },
    /** Pending requests first (oldest first, as a queue), then decided ones, newest first. */
    async list(): Promise<CityRequest[]> {
      const rows = await knex<CityRequestRow>('city_requests')
        .orderByRaw("CASE WHEN status = 'pending' THEN 0 ELSE 1 END")
        .orderByRaw("CASE WHEN status = 'pending' THEN created_at END ASC")
        .orderBy('id', 'desc')
      return rows.map(toRequest)
    },
    /** Records a decision only while the request is pending; false when someone decided first. */
    async decide(
      id: number,
      decision: { status: 'approved' | 'rejected'; reason: string | null; decidedBy: number },
    ): Promise<boolean> {
      const changed = await knex('city_requests').where({ id, status: 'pending' }).update({
        status: decision.status,
        decision_reason: decision.reason,
        decided_by: decision.decidedBy,
        decided_at: nowIso(),
      })
      return changed === 1
    },
  }
}

export type CityRequestsRepository = ReturnType<typeof cityRequestsRepository>
