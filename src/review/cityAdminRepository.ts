import type { Knex } from 'knex'

export interface CityListRow {
  id: number
  slug: string
  name: string
  country: string
  iso3: string
  region: string
  officers: number
}

/** Searching and paging cities for the administration (the shared repository does the rest). */
export function cityAdminRepository(knex: Knex) {
  const matching = (search: string) => {
    const query = knex('cities as c')
    if (search) {
      const like = `%${search.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
      query.where((w) =>
        w
          .whereRaw("lower(c.name) like ? escape '\\'", [like])
          .orWhereRaw("lower(c.country) like ? escape '\\'", [like])
          .orWhereRaw("lower(c.slug) like ? escape '\\'", [like]),
      )
    }
    return query
  }
  return {
    async search(search: string, limit: number, offset: number): Promise<CityListRow[]> {
      const officers = knex('users')
        .count('*')
        .whereRaw('users.city_id = c.id')
        .where('role', 'officer')
        .whereNull('disabled_at')
        .as('officers')
      const rows = await matching(search)
        .select('c.id', 'c.slug', 'c.name', 'c.country', 'c.iso3', 'c.region', officers)
        .orderBy('c.name')
        .orderBy('c.id')
        .limit(limit)
        .offset(offset)
      return rows.map((r) => ({
        id: Number(r.id),
        slug: r.slug,
        name: r.name,
        country: r.country,
        iso3: r.iso3,
        region: r.region,
        officers: Number(r.officers),
      }))
    },
    async count(search: string): Promise<number> {
      const row = await matching(search).count({ count: '*' }).first()
      return Number(row?.count ?? 0)
    },
    async slugTaken(slug: string, exceptId?: number): Promise<boolean> {
      const query = knex('cities').where({ slug })
      if (exceptId) query.whereNot({ id: exceptId })
      return Boolean(await query.first('id'))
    },
    async regions(): Promise<string[]> {
      return (await knex('cities').distinct('region').orderBy('region')).map((r) => String(r.region))
    },
    /** The city's responses per survey year, for links to their review. */
    async responses(cityId: number): Promise<Array<{ id: number; year: number; status: string }>> {
      const rows = await knex('responses as r')
        .join('editions as e', 'e.id', 'r.edition_id')
        .where('r.city_id', cityId)
        .select('r.id', 'e.year', 'r.status')
        .orderBy('e.year', 'desc')
      return rows.map((r) => ({ id: Number(r.id), year: Number(r.year), status: String(r.status) }))
    },
  }
}

export type CityAdminRepository = ReturnType<typeof cityAdminRepository>
