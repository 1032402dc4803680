import type { Knex } from 'knex'
import { repositories } from '../../wiring/repositories'
import { insertInChunks } from '../../db/dialect'
import { nowIso } from '../../shared/clock'
import { hashPassword } from '../../accounts/passwords'
import { answerToRows } from '../../questionnaire/answerCodec'
import { definitionSchema, type Definition } from '../../questionnaire/definitionSchema'
import { copyDefinition } from '../../questionnaire/copyDefinition'
import { shippedDefinitions } from '../../questionnaire/definitions'
import { demoCities, demoAnswers, type DemoCity } from './demoData'
import { profileService } from '../../profiles/profileService'

export const DEMO_OPEN_YEAR = 2026

export interface DemoAccount {
  email: string
  role: 'admin' | 'officer'
  city?: string
}

export const demoAccounts = (demoCityName: string): DemoAccount[] => [
  { email: 'admin@example.org', role: 'admin' },
  { email: 'enschede.officer@example.org', role: 'officer', city: 'Enschede' },
  { email: 'demo.officer@example.org', role: 'officer', city: demoCityName },
]

/**
 * Loads the demo data when the database has no editions yet (deterministic: the same
 * rows every time), and makes sure the demo accounts exist. Returns the accounts.
 */
export async function ensureDemoData(
  knex: Knex,
  password: string,
  options: { disclosureThreshold?: number } = {},
): Promise<DemoAccount[]> {
  // Two instances started at once on an empty database would both find it empty and both load it
  // (one then failed on a duplicate edition): under the lock, the second finds it loaded.
  return repositories(knex).locks.withLock(DEMO_DATA_LOCK, () => loadOnce(knex, password, options), {
    waitMs: 5 * 60_000,
  })
}

const DEMO_DATA_LOCK = 'demo-data'

async function loadOnce(
  knex: Knex,
  password: string,
  options: { disclosureThreshold?: number },
): Promise<DemoAccount[]> {
  const repos = repositories(knex)
  const demoCity = demoCities.find((c) => c.fictional)!
  if ((await repos.editions.list()).length === 0) await loadEditionsAndAnswers(knex)
  // The public pages render stored snapshots: build them for the published demo editions.
  const published = (await repos.editions.list()).filter((edition) => edition.status === 'published')
  if ((await repos.profiles.publishedAggregateIndex()).length < published.length) {
    await profileService(repos, options.disclosureThreshold ?? 5).regeneratePublished()
  }
  const accounts = demoAccounts(demoCity.name)
  const passwordHash = await hashPassword(password)
  for (const account of accounts) {
    if (await repos.users.findByEmail(account.email)) continue
    const city = account.city
      ? await repos.cities.findBySlug(account.city === 'Enschede' ? 'enschede-nld' : demoCity.slug)
      : undefined
    await repos.users.create({
      email: account.email,
      displayName: account.role === 'admin' ? 'Demo Administrator' : `${account.city} Officer`,
      passwordHash,
      role: account.role,
      cityId: city?.id ?? null,
      isDemo: true,
    })
  }
  return accounts
}

/** The demo editions, cities and approved answers without any account (the benchmarks add their own). */
export async function loadEditionsAndAnswers(knex: Knex): Promise<void> {
  await knex.transaction(async (trx) => {
    const repos = repositories(trx)
    const definitions: Definition[] = shippedDefinitions.map((d) => definitionSchema.parse(d))
    const editionIds = new Map<number, number>()
    for (const definition of definitions) {
      const id = await repos.editions.create({
        year: definition.year,
        title: definition.title,
        status: 'published',
        definition,
        // After 2020 the original site compared every city on its latest answers (147 cities).
        basis: definition.year === 2018 ? 'approved' : 'latest',
        copiedFromYear: definition.copiedFrom ?? null,
      })
      editionIds.set(definition.year, id)
    }
    const latest = definitions[definitions.length - 1]
    const open = copyDefinition(latest, DEMO_OPEN_YEAR)
    await repos.editions.create({
      year: DEMO_OPEN_YEAR,
      title: open.title,
      status: 'open',
      definition: open,
      copiedFromYear: latest.year,
      opensOn: `${DEMO_OPEN_YEAR}-09-01`,
      closesOn: demoClosingDate(),
    })

    const at = nowIso()
    for (const city of demoCities) {
      const cityId = await repos.cities.create(cityRecord(city))
      for (const definition of definitions) {
        if (!city.editions.includes(definition.year)) continue
        const answers = demoAnswers(definition, city)
        const [response] = await trx('responses').insert(
          {
            edition_id: editionIds.get(definition.year),
            city_id: cityId,
            status: 'approved',
            version: 1,
            submitted_at: at,
            submitted_by_name: 'Demo data',
            approved_at: at,
            created_at: at,
            updated_at: at,
          },
          ['id'],
        )
        const responseId = typeof response === 'object' ? Number(response.id) : Number(response)
        const rows = [...answers].flatMap(([key, value]) => answerToRows(key, value))
        await insertInChunks(
          trx,
          'answers',
          rows.map((r) => ({
            response_id: responseId,
            question_key: r.questionKey,
            option_key: r.optionKey,
            value_text: r.text,
            value_number: r.number,
            note: r.note,
            prefilled: false,
            updated_at: at,
          })),
        )
      }
    }
  })
}

const cityRecord = (city: DemoCity) => ({
  slug: city.slug,
  name: city.name,
  country: city.country,
  iso3: city.iso3,
  region: city.region,
  latitude: city.latitude,
  longitude: city.longitude,
  population: city.population,
})

/**
 * The open demo year's closing date: the end of that year, or three months from now if that has
 * passed, so a demo started later still has an open survey (deadlines hold).
 */
function demoClosingDate(): string {
  const endOfYear = `${DEMO_OPEN_YEAR}-12-31`
  const inThreeMonths = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10)
  return endOfYear > inThreeMonths ? endOfYear : inThreeMonths
}
