import type { Knex } from 'knex'
import { insertReturningId } from '../db/dialect'
import { nowIso } from '../shared/clock'

export interface City {
  id: number
  slug: string
  name: string
  country: string
  iso3: string
  region: string
  latitude: number | null
  longitude: number | null
  population: number | null
}

export type NewCity = Omit<City, 'id'>

interface CityRow extends Omit<City, 'population'> {
  population: number | string | null
  created_at: string
}

const toCity = ({ created_at: _created, ...row }: CityRow): City => ({
  ...row,
  latitude: row.latitude === null ? null : Number(row.latitude),
  longitude: row.longitude === null ? null : Number(row.longitude),
  population: row.population === null ? null : Number(row.population),
})

export function citiesRepository(knex: Knex) {
  return {
    async list(): Promise<City[]> {
      return (await knex<CityRow>('cities').orderBy('name')).map(toCity)
    },
    async findBySlug(slug: string): Promise<City | undefined> {
      const row = await knex<CityRow>('cities').where({ slug }).first()
      return row && toCity(row)
    },
    async findById(id: number): Promise<City | undefined> {
      const row = await knex<CityRow>('cities').where({ id }).first()
      return row && toCity(row)
    },
    async create(city: NewCity): Promise<number> {
      return insertReturningId(knex, 'cities', { ...city, created_at: nowIso() })
    },
    async update(id: number, city: Partial<NewCity>): Promise<void> {
      await knex('cities').where({ id }).update(city)
    },
    async count(): Promise<number> {
      const row = await knex('cities').count<{ count: number | string }[]>({ count: '*' }).first()
      return Number(row?.count ?? 0)
    },
  }
}

export type CitiesRepository = ReturnType<typeof citiesRepository>
