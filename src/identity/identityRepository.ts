import type { Knex } from 'knex'
import {
  editionIdentityFields as editionFields,
  identityFields as siteFields,
  type IdentityField,
  type IdentityOverrides,
} from '../shared/identity'
import { nowIso } from '../shared/clock'

const columns: Record<IdentityField, string> = {
  surveyName: 'survey_name',
  description: 'description',
  footerAbout: 'footer_about',
  profileTitle: 'profile_title',
  unitSingular: 'unit_singular',
  unitPlural: 'unit_plural',
  filePrefix: 'file_prefix',
  pdfTitle: 'pdf_title',
}

type Row = Record<string, unknown>

function toOverrides(row: Row, fields: IdentityField[]): IdentityOverrides {
  const overrides: IdentityOverrides = {}
  for (const field of fields) {
    const value = row[columns[field]]
    if (typeof value === 'string' && value !== '') overrides[field] = value
  }
  return overrides
}

function toRow(values: IdentityOverrides, fields: IdentityField[]): Row {
  return Object.fromEntries(fields.map((field) => [columns[field], values[field] ?? null]))
}

/** Everything set on the settings pages: the site's fields and each survey year's. */
export interface StoredIdentity {
  site: IdentityOverrides
  years: Map<number, IdentityOverrides>
}

/** The identity settings (site_identity, one row; edition_identity, one per survey year that sets any). */
export function identityRepository(knex: Knex) {
  return {
    /** Both tables at once: they are small, and read again only when a setting changed or a while passed. */
    async load(): Promise<StoredIdentity> {
      const [site, years] = await Promise.all([
        knex<Row>('site_identity').where({ id: 1 }).first(),
        knex<Row>('edition_identity as i')
          .join('editions as e', 'e.id', 'i.edition_id')
          .select('i.*', 'e.year'),
      ])
      return {
        site: site ? toOverrides(site, siteFields) : {},
        years: new Map(years.map((row) => [Number(row.year), toOverrides(row, editionFields)])),
      }
    },

    /** Replaces the site's settings (a field left out is unset). */
    async saveSite(values: IdentityOverrides, userId: number | null): Promise<void> {
      const row = { ...toRow(values, siteFields), updated_by: userId, updated_at: nowIso() }
      await knex('site_identity')
        .insert({ id: 1, ...row })
        .onConflict('id')
        .merge()
    },

    /** Replaces one survey year's settings; none set removes its row. */
    async saveEdition(editionId: number, values: IdentityOverrides, userId: number | null): Promise<void> {
      if (editionFields.every((field) => !values[field])) {
        await knex('edition_identity').where({ edition_id: editionId }).delete()
        return
      }
      const row = { ...toRow(values, editionFields), updated_by: userId, updated_at: nowIso() }
      await knex('edition_identity')
        .insert({ edition_id: editionId, ...row })
        .onConflict('edition_id')
        .merge()
    },
  }
}

export type IdentityRepository = ReturnType<typeof identityRepository>
