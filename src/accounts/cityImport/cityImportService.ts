import type { UsersRepository } from '../usersRepository'
import type { CitiesRepository } from '../../cities/citiesRepository'
import type { AccountsTransaction } from '../accountsTransactionRepository'
import { createAccountWithLink, type Actor } from '../accountAdminService'
import { checkImportRows, type ImportProblem, type ImportRow } from './importRows'
import { readImportFile } from './importFile'
import type { Notifications } from '../../mail/notifications'

interface Deps {
  users: UsersRepository
  cities: CitiesRepository
  transaction: AccountsTransaction
  notify: Pick<Notifications, 'invitation'>
}

export type ImportPreview =
  | { ok: false; problems: ImportProblem[] }
  | { ok: true; rows: ImportRow[]; newCities: number; existingCities: number }

/** An officer created by an import, with the one-time link token of their invitation. */
export interface ImportedOfficer {
  userId: number
  email: string
  name: string
  city: string
  token: string
}

/**
 * Onboarding in bulk: a file of cities and officers is checked whole (every problem listed by row
 * and column, nothing written), then created with an invitation email each in one transaction.
 */
export function cityImportService({ users, cities, transaction, notify }: Deps) {
  const check = async (records: Array<Record<string, string>>) => {
    const emails = records.map((r) =>
      String(r.officer_email ?? '')
        .trim()
        .toLowerCase(),
    )
    return checkImportRows(records, { emails: await users.existingEmails(emails) })
  }
  const summarise = async (rows: ImportRow[]): Promise<ImportPreview> => {
    const slugs = [...new Set(rows.map((r) => r.slug))]
    let existing = 0
    for (const slug of slugs) if (await cities.findBySlug(slug)) existing++
    return { ok: true, rows, newCities: slugs.length - existing, existingCities: existing }
  }

  return {
    /** Reads and checks a file; nothing is written. */
    async preview(fileName: string, bytes: Buffer): Promise<ImportPreview> {
      const file = await readImportFile(fileName, bytes)
      if (!file.ok) return file
      const checked = await check(file.records)
      return checked.ok ? summarise(checked.rows) : checked
    },

    /**
     * Creates the checked rows' cities (those not there yet) and officers, each officer with a
     * one-time set-password link, in one transaction. Checked again first: an email address may
     * have been taken since the preview.
     */
    async create(
      actor: Actor,
      rows: ImportRow[],
    ): Promise<
      { ok: false; problems: ImportProblem[] } | { ok: true; officers: ImportedOfficer[]; newCities: number }
    > {
      const records = rows.map((r) => ({
        city: r.city,
        country: r.country,
        iso3: r.iso3,
        region: r.region,
        population: r.population === null ? '' : String(r.population),
        latitude: r.latitude === null ? '' : String(r.latitude),
        longitude: r.longitude === null ? '' : String(r.longitude),
        officer_name: r.officerName,
        officer_email: r.officerEmail,
      }))
      const checked = await check(records)
      if (!checked.ok) return checked
      return transaction.run(async (tx) => {
        const cityIds = new Map<string, number>()
        let newCities = 0
        const officers: ImportedOfficer[] = []
        for (const row of checked.rows) {
          let cityId = cityIds.get(row.slug) ?? (await tx.cities.findBySlug(row.slug))?.id
          if (cityId === undefined) {
            cityId = await tx.cities.create({
              slug: row.slug,
              name: row.city,
              country: row.country,
              iso3: row.iso3,
              region: row.region,
              population: row.population,
              latitude: row.latitude,
              longitude: row.longitude,
            })
            newCities++
          }
          cityIds.set(row.slug, cityId)
          const officer = { email: row.officerEmail, displayName: row.officerName, cityId }
          const { userId, token } = await createAccountWithLink(
            tx,
            actor,
            { ...officer, role: 'officer' },
            { imported: true },
          )
          await tx.outbox.enqueue([await notify.invitation(officer, token, row.city)])
          officers.push({ userId, email: row.officerEmail, name: row.officerName, city: row.city, token })
        }
        return { ok: true as const, officers, newCities }
      })
    },
  }
}

export type CityImportService = ReturnType<typeof cityImportService>
