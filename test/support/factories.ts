import crypto from 'node:crypto'
import type { Repositories } from '../../src/wiring/repositories'
import type { City } from '../../src/cities/citiesRepository'
import type { Role } from '../../src/accounts/usersRepository'
import { hashPassword } from '../../src/accounts/passwords'

const unique = () => crypto.randomUUID().slice(0, 8)

/** A city of its own for one test. */
export async function buildCity(repos: Repositories, fields: Partial<City> = {}): Promise<City> {
  const name = fields.name ?? `Testville ${unique()}`
  const slug = fields.slug ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-tst`
  const id = await repos.cities.create({
    slug,
    name,
    country: 'Testland',
    iso3: 'TST',
    region: 'Europe',
    latitude: 50,
    longitude: 5,
    population: 100_000,
    ...fields,
  })
  return (await repos.cities.findById(id))!
}

export interface BuiltUser {
  id: number
  email: string
  password: string
}

/** A user of its own for one test (an officer needs a city). */
export async function buildUser(
  repos: Repositories,
  fields: { role?: Role; cityId?: number | null; email?: string; password?: string } = {},
): Promise<BuiltUser> {
  const password = fields.password ?? `pw-${unique()}-secret`
  const email = fields.email ?? `user-${unique()}@example.test`
  const id = await repos.users.create({
    email,
    displayName: `Test ${email.split('@')[0]}`,
    passwordHash: await hashPassword(password),
    role: fields.role ?? 'officer',
    cityId: fields.cityId ?? null,
  })
  return { id, email, password }
}
