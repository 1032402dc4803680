import type { CitiesRepository } from '../cities/citiesRepository'
import type { City } from '../cities/citiesRepository'
import type { Facet } from './profileContent'
import type { ResultsService } from './resultsService'

export interface PopulationBand {
  key: string
  label: string
  min: number
  max: number
}

/** Bands chosen for this site (the original's were not found): under 100,000 to over 5 million. */
export const populationBands: PopulationBand[] = [
  { key: 'under-100k', label: 'Under 100,000', min: 0, max: 100_000 },
  { key: '100k-500k', label: '100,000 to 500,000', min: 100_000, max: 500_000 },
  { key: '500k-1m', label: '500,000 to 1 million', min: 500_000, max: 1_000_000 },
  { key: '1m-5m', label: '1 million to 5 million', min: 1_000_000, max: 5_000_000 },
  { key: 'over-5m', label: 'Over 5 million', min: 5_000_000, max: Infinity },
]

export interface BrowseCity extends City {
  latestYear: number
  facets: Record<string, string[]>
}

export interface BrowseFilters {
  q: string
  region: string
  population: string
  /** Chosen option per facet question key. */
  facets: Record<string, string>
}

const first = (value: unknown): string =>
  Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? value.trim().slice(0, 100) : ''
const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()

/** Facets of every published edition, newest first; older editions add only options the newer lack. */
function mergeFacets(lists: Facet[][]): Facet[] {
  const merged = new Map<string, Facet>()
  for (const facet of lists.flat()) {
    const seen = merged.get(facet.key)
    if (!seen) merged.set(facet.key, { ...facet, options: [...facet.options] })
    else
      for (const option of facet.options)
        if (!seen.options.some((o) => o.key === option.key)) seen.options.push(option)
  }
  return [...merged.values()]
}

/**
 * The merged facets worded from the years made in the reader's language where one asks the same
 * question (a newer year not translated completely is in English): never half translated where
 * a translation exists.
 */
function wordedIn(facets: Facet[], translated: Facet[][]): Facet[] {
  const labels = new Map<string, string>()
  for (const facet of translated.flat()) {
    if (!labels.has(facet.key)) labels.set(facet.key, facet.label)
    for (const option of facet.options) {
      const key = `${facet.key}\u0000${option.key}`
      if (!labels.has(key)) labels.set(key, option.label)
    }
  }
  return facets.map((facet) => ({
    ...facet,
    label: labels.get(facet.key) ?? facet.label,
    options: facet.options.map((option) => ({
      ...option,
      label: labels.get(`${facet.key}\u0000${option.key}`) ?? option.label,
    })),
  }))
}

/** /cities: every city with a published profile, searched and filtered from the stored aggregates. */
export function browseService(repos: { cities: Pick<CitiesRepository, 'list'> }, results: ResultsService) {
  /** Facets are worded in `locale` where a year's results were made in it (English otherwise). */
  async function publishedCities(locale = 'en'): Promise<{ cities: BrowseCity[]; facets: Facet[] }> {
    const [aggregates, cities] = await Promise.all([results.published(locale), repos.cities.list()])
    const latest = new Map<number, { year: number; facets: Record<string, string[]> }>()
    for (const aggregate of aggregates) {
      for (const entry of aggregate.cities)
        if (!latest.has(entry.cityId))
          latest.set(entry.cityId, { year: aggregate.year, facets: entry.facets })
    }
    const withProfile = cities.flatMap((city) => {
      const found = latest.get(city.id)
      return found ? [{ ...city, latestYear: found.year, facets: found.facets }] : []
    })
    const facets = mergeFacets(aggregates.map((a) => a.facets))
    if (locale === 'en') return { cities: withProfile, facets }
    const translated = aggregates.filter((a) => a.locale === locale).map((a) => a.facets)
    return { cities: withProfile, facets: wordedIn(facets, translated) }
  }

  return {
    publishedCities,

    /** Applies the GET form's filters (any combination); unknown values filter nothing. */
    async browse(query: Record<string, unknown>, locale = 'en') {
      const { cities, facets } = await publishedCities(locale)
      const regions = [...new Set(cities.map((city) => city.region))].sort()
      const filters: BrowseFilters = {
        q: first(query.q),
        region: regions.includes(first(query.region)) ? first(query.region) : '',
        population: populationBands.some((b) => b.key === first(query.population))
          ? first(query.population)
          : '',
        facets: Object.fromEntries(
          facets.flatMap((facet) => {
            const value = first(query[facet.key])
            return facet.options.some((o) => o.key === value) ? [[facet.key, value]] : []
          }),
        ),
      }
      const band = populationBands.find((b) => b.key === filters.population)
      const needle = fold(filters.q)
      const matches = cities.filter(
        (city) =>
          (!needle || fold(`${city.name} ${city.country}`).includes(needle)) &&
          (!filters.region || city.region === filters.region) &&
          (!band ||
            (city.population !== null && city.population >= band.min && city.population < band.max)) &&
          Object.entries(filters.facets).every(([key, option]) => city.facets[key]?.includes(option)),
      )
      const active = Boolean(
        filters.q || filters.region || filters.population || Object.keys(filters.facets).length,
      )
      return {
        cities: matches,
        total: cities.length,
        filters,
        active,
        regions,
        bands: populationBands,
        facets,
      }
    },
  }
}

export type BrowseService = ReturnType<typeof browseService>
