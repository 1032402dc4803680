import type { Knex } from 'knex'
import type { Database } from '../../src/config'
import { createKnex } from '../../src/db/knex'
import { migrateLatest } from '../../src/db/migrate'
import { repositories } from '../../src/wiring/repositories'
import { hashPassword } from '../../src/accounts/passwords'
import { loadEditionsAndAnswers } from '../../src/cli/demo/loadDemoData'
import { regenerateAll } from './features'
import { BENCH_ADMIN, BENCH_PASSWORD, officerEmail } from './settings'

export interface BenchOfficer {
  email: string
  cityId: number
}

/** The page the officer cases read and save: the first question page of the open edition. */
export interface QuestionPage {
  path: string
  editionId: number
  questionKeys: string[]
}

/** A SQLite file by its path, or any database the app supports. */
export type BenchDatabase = string | Database

const databaseOf = (target: BenchDatabase): Database =>
  typeof target === 'string' ? { client: 'sqlite3', filename: target } : target

/**
 * Opens a database (a SQLite file by its path), runs `work`, and closes it. `prepare` also migrates
 * first and, on SQLite, checkpoints the WAL after.
 */
export async function withDatabase<T>(
  target: BenchDatabase,
  work: (knex: Knex) => Promise<T>,
  prepare = false,
): Promise<T> {
  const database = databaseOf(target)
  const knex = createKnex(database)
  try {
    if (prepare) await migrateLatest(knex)
    const result = await work(knex)
    if (prepare && database.client === 'sqlite3') await knex.raw('PRAGMA wal_checkpoint(TRUNCATE)')
    return result
  } finally {
    await knex.destroy()
  }
}

/** An administrator and `count` officers, each of a fictional city of their own; none is a demo account. */
export async function createBenchAccounts(knex: Knex, count: number): Promise<BenchOfficer[]> {
  const repos = repositories(knex)
  // One hash for every account: argon2 takes ~70 ms, and they share the password anyway.
  const passwordHash = await hashPassword(BENCH_PASSWORD)
  await repos.users.create({
    email: BENCH_ADMIN,
    displayName: 'Bench Administrator',
    passwordHash,
    role: 'admin',
    cityId: null,
  })
  const officers: BenchOfficer[] = []
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(3, '0')
    const cityId = await repos.cities.create({
      slug: `benchtown-${n}-bch`,
      name: `Benchtown ${n}`,
      country: 'Benchland',
      iso3: 'BCH',
      region: 'Europe',
      latitude: 52,
      longitude: 6,
      population: 100_000 + i,
    })
    const email = officerEmail(i)
    await repos.users.create({
      email,
      displayName: `Bench Officer ${n}`,
      passwordHash,
      role: 'officer',
      cityId,
    })
    officers.push({ email, cityId })
  }
  return officers
}

/**
 * The database of the HTTP cases: the demo editions and cities (2018, 2020 published,
 * 2026 open), their profiles, and the bench's own accounts instead of the demo ones,
 * since production refuses demo accounts.
 */
export async function prepareAppDatabase(
  file: BenchDatabase,
  officers: number,
): Promise<{ officers: BenchOfficer[]; page: QuestionPage }> {
  return withDatabase(
    file,
    async (knex) => {
      await loadEditionsAndAnswers(knex)
      await regenerateAll(knex)
      return { officers: await createBenchAccounts(knex, officers), page: await firstQuestionPage(knex) }
    },
    true,
  )
}

async function firstQuestionPage(knex: Knex): Promise<QuestionPage> {
  const repos = repositories(knex)
  const open = (await repos.editions.list()).find((edition) => edition.status === 'open')
  const edition = open && (await repos.editions.findById(open.id))
  if (!edition) throw new Error('The demo data has no open edition')
  const section = edition.definition.sections[0]
  const page = section.pages[0]
  return {
    path: `/survey/${edition.year}/${section.key}/${page.key}`,
    editionId: edition.id,
    questionKeys: page.questions.map((question) => question.key),
  }
}
