import { z } from 'zod'
import type { AuditRepository } from '../accounts/auditRepository'
import type { UsersRepository } from '../accounts/usersRepository'
import type { CitiesRepository, NewCity } from '../cities/citiesRepository'
import { NotFoundError, type FieldError } from '../shared/errors'
import { fieldErrors } from '../shared/formErrors'
import type { CityAdminRepository } from './cityAdminRepository'
import { citySlug } from '../cities/citySlug'
import { standardRegions } from '../cities/regions'

export const CITY_PAGE_SIZE = 50

/** The slug of a city from its name and ISO-3 code (one rule for every place that makes cities). */
export const deriveSlug = citySlug

const optionalNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null
      const n = Number(v)
      if (!Number.isFinite(n) || n < min || n > max) ctx.addIssue({ code: 'custom', message })
      return n
    })

const citySchema = (regions: string[]) =>
  z.object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the city’s name')
      .max(200, 'Enter a name of 200 characters or fewer'),
    country: z
      .string()
      .trim()
      .min(1, 'Enter the country')
      .max(120, 'Enter a country of 120 characters or fewer'),
    iso3: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Enter the country’s ISO 3166 code: 3 letters, like NLD'),
    region: z.string().refine((r) => regions.includes(r), 'Select a region'),
    slug: z.string().trim().toLowerCase().max(120, 'Enter a web address name of 120 characters or fewer'),
    latitude: optionalNumber(-90, 90, 'Enter a latitude between -90 and 90, or leave it empty'),
    longitude: optionalNumber(-180, 180, 'Enter a longitude between -180 and 180, or leave it empty'),
  })

export type CityFormValues = Record<
  'name' | 'country' | 'iso3' | 'region' | 'slug' | 'latitude' | 'longitude',
  string
>

const str = (v: unknown) => (typeof v === 'string' ? v : '')
export const cityFormValues = (body: Record<string, unknown>): CityFormValues => ({
  name: str(body.name),
  country: str(body.country),
  iso3: str(body.iso3),
  region: str(body.region),
  slug: str(body.slug),
  latitude: str(body.latitude),
  longitude: str(body.longitude),
})

interface Deps {
  cities: CitiesRepository
  cityAdmin: CityAdminRepository
  users: UsersRepository
  audit: AuditRepository
}

export function cityAdminService(deps: Deps) {
  const regions = async () => [...new Set([...standardRegions, ...(await deps.cityAdmin.regions())])].sort()

  /** Checks the form; the slug is derived from name and code when left empty, and must be unique. */
  const validate = async (
    values: CityFormValues,
    exceptId?: number,
  ): Promise<{ city?: NewCity; errors: FieldError[] }> => {
    const parsed = citySchema(await regions()).safeParse(values)
    if (!parsed.success) return { errors: fieldErrors(parsed.error) }
    const slug = parsed.data.slug || deriveSlug(parsed.data.name, parsed.data.iso3)
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))
      return {
        errors: [
          {
            href: '#slug',
            text: 'Use only lower-case letters, numbers and single hyphens, like enschede-nld',
          },
        ],
      }
    if (await deps.cityAdmin.slugTaken(slug, exceptId))
      return {
        errors: [
          {
            href: '#slug',
            text: `Another city already uses “${slug}”. Choose a different web address name.`,
          },
        ],
      }
    return { city: { ...parsed.data, slug, population: null }, errors: [] }
  }

  return {
    regions,

    /** One page of cities matching a search, with the number of active officers of each. */
    async list(search: string, page: number) {
      const total = await deps.cityAdmin.count(search)
      const pages = Math.max(1, Math.ceil(total / CITY_PAGE_SIZE))
      const current = Math.min(Math.max(1, page), pages)
      return {
        cities: await deps.cityAdmin.search(search, CITY_PAGE_SIZE, (current - 1) * CITY_PAGE_SIZE),
        total,
        page: current,
        pages,
        search,
      }
    },

    /** A city with its officers and its responses per survey year. */
    async details(id: number) {
      const city = Number.isSafeInteger(id) ? await deps.cities.findById(id) : undefined
      if (!city) throw new NotFoundError('There is no such city')
      return {
        city,
        officers: (await deps.users.listByCity(id)).filter((u) => u.role === 'officer'),
        responses: await deps.cityAdmin.responses(id),
      }
    },

    /** Creates a city; returns its id, or the form's errors. */
    async create(values: CityFormValues, actorId: number): Promise<{ id?: number; errors: FieldError[] }> {
      const { city, errors } = await validate(values)
      if (!city) return { errors }
      const id = await deps.cities.create(city)
      await deps.audit.record({ actorId, type: 'city_created', subject: city.slug, detail: { ...city } })
      return { id, errors: [] }
    },

    /** Changes a city (population is kept: the city form does not edit it). */
    async update(id: number, values: CityFormValues, actorId: number): Promise<{ errors: FieldError[] }> {
      const before = (await this.details(id)).city
      const { city, errors } = await validate(values, id)
      if (!city) return { errors }
      const { population: _population, ...fields } = city
      await deps.cities.update(id, fields)
      await deps.audit.record({
        actorId,
        type: 'city_updated',
        subject: city.slug,
        detail: { before, after: fields },
      })
      return { errors: [] }
    },
  }
}

export type CityAdminService = ReturnType<typeof cityAdminService>
