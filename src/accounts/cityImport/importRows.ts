import { z } from 'zod'
import { citySlug } from '../../cities/citySlug'

/** The columns of an import file, in the template's order, with their headings. */
export const importColumns = [
  ['city', 'City'],
  ['country', 'Country'],
  ['iso3', 'Country code (ISO 3)'],
  ['region', 'Region'],
  ['population', 'Population'],
  ['latitude', 'Latitude'],
  ['longitude', 'Longitude'],
  ['officer_name', 'Officer name'],
  ['officer_email', 'Officer email'],
] as const

export type ImportColumn = (typeof importColumns)[number][0]

/** One problem of a file: a row (as numbered in the file, the heading is row 1), a column, a message. */
export interface ImportProblem {
  row: number
  column: string
  message: string
}

const text = (what: string, max: number) =>
  z.string().trim().min(1, `Enter the ${what}`).max(max, `The ${what} must be ${max} characters or fewer`)

const optionalNumber = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .transform((v) => v.replaceAll(/[\s,]/g, ''))
    .refine((v) => v === '' || /^-?\d+(\.\d+)?$/.test(v), `Enter the ${what} as a number`)
    .transform((v) => (v === '' ? null : Number(v)))
    .refine((v) => v === null || (v >= min && v <= max), `The ${what} must be between ${min} and ${max}`)

const rowSchema = z.object({
  city: text('city name', 200),
  country: text('country', 120),
  iso3: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{3}$/, 'Enter the three-letter country code, like NLD')
    .transform((v) => v.toUpperCase()),
  region: text('region', 60),
  population: optionalNumber('population', 0, 100_000_000).refine(
    (v) => v === null || Number.isInteger(v),
    'Enter the population as a whole number',
  ),
  latitude: optionalNumber('latitude', -90, 90),
  longitude: optionalNumber('longitude', -180, 180),
  officer_name: text('officer’s name', 200),
  officer_email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Enter the officer’s email address')
    .max(254, 'The email address must be 254 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.org'),
})

/** A valid row: a city (found by its slug) and one officer for it. */
export interface ImportRow {
  row: number
  slug: string
  city: string
  country: string
  iso3: string
  region: string
  population: number | null
  latitude: number | null
  longitude: number | null
  officerName: string
  officerEmail: string
}

/** What the database already holds, for the checks across the file. */
export interface ExistingAccounts {
  emails: Set<string>
}

/**
 * Checks every row of a file (records keyed by column name) and returns the rows or every
 * problem, by row number and column. Several rows may name one city (one officer each).
 */
export function checkImportRows(
  records: Array<Record<string, string>>,
  existing: ExistingAccounts,
): { ok: true; rows: ImportRow[] } | { ok: false; problems: ImportProblem[] } {
  const problems: ImportProblem[] = []
  const rows: ImportRow[] = []
  const emails = new Map<string, number>()
  const cities = new Map<string, ImportRow>()
  records.forEach((record, index) => {
    const row = index + 2
    const parsed = rowSchema.safeParse(record)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ row, column: headingOf(String(issue.path[0])), message: issue.message })
      return
    }
    const r = parsed.data
    const slug = citySlug(r.city, r.iso3)
    const sameCity = cities.get(slug)
    if (sameCity && (sameCity.country !== r.country || sameCity.region !== r.region))
      problems.push({
        row,
        column: 'City',
        message: `Row ${sameCity.row} names this city with another country or region`,
      })
    const earlier = emails.get(r.officer_email)
    if (earlier)
      problems.push({ row, column: 'Officer email', message: `This email address is also on row ${earlier}` })
    else if (existing.emails.has(r.officer_email))
      problems.push({
        row,
        column: 'Officer email',
        message: 'An account with this email address already exists',
      })
    emails.set(r.officer_email, earlier ?? row)
    const checked: ImportRow = {
      row,
      slug,
      city: r.city,
      country: r.country,
      iso3: r.iso3,
      region: r.region,
      population: r.population,
      latitude: r.latitude,
      longitude: r.longitude,
      officerName: r.officer_name,
      officerEmail: r.officer_email,
    }
    if (!sameCity) cities.set(slug, checked)
    rows.push(checked)
  })
  if (records.length === 0)
    problems.push({ row: 1, column: '', message: 'The file has no rows under its headings' })
  return problems.length ? { ok: false, problems } : { ok: true, rows }
}

const headingOf = (column: string): string => importColumns.find(([key]) => key === column)?.[1] ?? column

/** Reads a heading as a column name: "Officer email" → officer_email; unknown headings are kept as they are. */
export function columnOf(heading: string): string {
  const normal = heading
    .trim()
    .toLowerCase()
    .replaceAll(/[^a-z0-9]+/g, ' ')
    .trim()
  const found = importColumns.find(
    ([key, label]) =>
      key.replaceAll('_', ' ') === normal ||
      label
        .toLowerCase()
        .replaceAll(/[^a-z0-9]+/g, ' ')
        .trim() === normal,
  )
  return found ? found[0] : heading
}

/** Headings the file lacks, as problems on row 1. */
export function missingColumns(headings: string[]): ImportProblem[] {
  const have = new Set(headings.map(columnOf))
  return importColumns
    .filter(([key]) => !['population', 'latitude', 'longitude'].includes(key) && !have.has(key))
    .map(([, label]) => ({ row: 1, column: label, message: `The file has no “${label}” column` }))
}
