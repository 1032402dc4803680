import { demoCities, type DemoCity } from './demoCities'
import { hashString } from './prng'

/**
 * Quotas instead of coin flips: for each (edition, question/option) the demo cities are ordered by a
 * seeded hash, and a city's place in that order, as a fraction in (0, 1), decides its answer. The
 * first round(p·n) cities get an answer with share p, so shares land on their targets exactly.
 *
 * Cities are ranked within strata: for an edition, those whose answers to it are their latest
 * answers, and those who answered again later. Each stratum meets the target, so both "this
 * edition" and "every city's latest answers" do. The hash does not include the year, so a city
 * that answered twice tends to keep its answers.
 */
const rankCache = new Map<string, Map<string, number>>()
const strataCache = new Map<string, DemoCity[]>()

const isLatest = (city: DemoCity, year: number) => Math.max(...city.editions) === year

function stratumOf(year: number, city: DemoCity): { id: string; cities: DemoCity[] } {
  const id =
    !city.fictional || !city.editions.includes(year) ? 'all' : isLatest(city, year) ? 'latest' : 'earlier'
  const cacheKey = `${year}|${id}`
  let cities = strataCache.get(cacheKey)
  if (!cities) {
    const fictional = demoCities.filter((c) => c.fictional)
    cities =
      id === 'all'
        ? fictional
        : fictional.filter((c) => c.editions.includes(year) && isLatest(c, year) === (id === 'latest'))
    strataCache.set(cacheKey, cities)
  }
  return { id, cities }
}

/** The city's place among its stratum for this salt, as a fraction in (0, 1). */
export function quotaPosition(year: number, city: DemoCity, salt: string): number {
  const { id, cities } = stratumOf(year, city)
  const cacheKey = `${year}|${id}|${salt}`
  let ranks = rankCache.get(cacheKey)
  if (!ranks) {
    const score = (c: DemoCity) => hashString(`${salt}|${c.slug}`)
    const sorted = [...cities].sort((a, b) => score(a) - score(b) || a.slug.localeCompare(b.slug))
    ranks = new Map(sorted.map((c, index) => [c.slug, index]))
    rankCache.set(cacheKey, ranks)
  }
  return ((ranks.get(city.slug) ?? 0) + 0.5) / cities.length
}

/** Picks the key whose slice of the cumulative distribution holds the position. */
export function pickByShares(position: number, shares: Array<[string, number]>): string {
  const total = shares.reduce((sum, [, share]) => sum + share, 0)
  let cumulative = 0
  for (const [key, share] of shares) {
    cumulative += share / total
    if (position < cumulative) return key
  }
  return shares[shares.length - 1][0]
}
