import type { Knex } from 'knex'
import type { Recipient } from './mailComposer'

/** An officer of a city, with what a message about their city's profile needs. */
export interface CityOfficer extends Recipient {
  cityId: number
  cityName: string
  citySlug: string
}

const recipient = (row: Record<string, unknown>): Recipient => ({
  email: String(row.email),
  displayName: String(row.display_name),
  cityId: row.city_id === null ? null : Number(row.city_id),
  locale: typeof row.locale === 'string' ? row.locale : null,
})

/** Who gets which notification: enabled accounts only. */
export function mailRecipientsRepository(knex: Knex) {
  const enabled = () => knex('users').whereNull('users.disabled_at')
  return {
    async admins(): Promise<Recipient[]> {
      const rows = await enabled().where('users.role', 'admin').orderBy('users.id')
      return rows.map((row) => ({ ...recipient(row), cityId: null }))
    },
    async officersOf(cityId: number): Promise<Recipient[]> {
      const rows = await enabled()
        .where({ 'users.role': 'officer', 'users.city_id': cityId })
        .orderBy('users.id')
      return rows.map(recipient)
    },
    /** The officers of every city whose response to an edition is approved. */
    async officersOfApprovedCities(editionId: number): Promise<CityOfficer[]> {
      const rows = await enabled()
        .join('cities', 'cities.id', 'users.city_id')
        .join('responses', 'responses.city_id', 'cities.id')
        .where({ 'users.role': 'officer', 'responses.edition_id': editionId, 'responses.status': 'approved' })
        .select(
          'users.email',
          'users.display_name',
          'users.city_id',
          'users.locale',
          'cities.name',
          'cities.slug',
        )
        .orderBy('users.id')
      return rows.map((row) => ({
        ...recipient(row),
        cityId: Number(row.city_id),
        cityName: String(row.name),
        citySlug: String(row.slug),
      }))
    },
  }
}

export type MailRecipientsRepository = ReturnType<typeof mailRecipientsRepository>
