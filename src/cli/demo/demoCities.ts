import { hashString, mulberry32, pick } from './prng'

export type Region = 'Europe' | 'North America' | 'Latin America' | 'Africa' | 'Asia-Pacific' | 'Middle East'

export interface DemoCity {
  /** Name plus lower-case ISO-3 code, e.g. `enschede-nld`. */
  slug: string
  name: string
  country: string
  iso3: string
  region: Region
  latitude: number
  longitude: number
  /** Latest population. */
  population: number
  /** Survey years the city answered. */
  editions: number[]
  /** False for the one real city (Enschede), whose answers come from its published profile only. */
  fictional: boolean
}

interface Country {
  name: string
  iso3: string
  region: Region
  /** How many demo cities it gets. */
  cities: number
  /** A point well inside the country and how far (degrees) cities may lie from it and stay inside. */
  lat: number
  lon: number
  dLat: number
  dLon: number
}

const c = (
  name: string,
  iso3: string,
  region: Region,
  cities: number,
  [lat, lon, dLat, dLon]: [number, number, number, number],
): Country => ({ name, iso3, region, cities, lat, lon, dLat, dLon })

/** 150 demo cities in real countries, weighted roughly like the original survey's sample. */
const countries: Country[] = [
  c('United Kingdom', 'GBR', 'Europe', 7, [53.0, -1.8, 1.5, 1.0]),
  c('France', 'FRA', 'Europe', 6, [46.6, 2.4, 2.0, 2.5]),
  c('Germany', 'DEU', 'Europe', 6, [51.0, 10.3, 1.8, 2.0]),
  c('Spain', 'ESP', 'Europe', 5, [40.2, -3.6, 1.8, 2.5]),
  c('Italy', 'ITA', 'Europe', 4, [43.3, 11.8, 0.6, 0.6]),
  c('Netherlands', 'NLD', 'Europe', 3, [52.2, 5.6, 0.4, 0.6]),
  c('Poland', 'POL', 'Europe', 3, [52.0, 19.3, 1.2, 2.0]),
  c('Portugal', 'PRT', 'Europe', 2, [39.7, -8.1, 1.0, 0.4]),
  c('Sweden', 'SWE', 'Europe', 2, [60.5, 15.5, 1.5, 1.2]),
  c('Greece', 'GRC', 'Europe', 2, [39.5, 22.0, 0.6, 0.6]),
  c('Austria', 'AUT', 'Europe', 1, [47.5, 14.5, 0.3, 1.2]),
  c('Finland', 'FIN', 'Europe', 1, [62.5, 26.0, 1.5, 1.5]),
  c('Ireland', 'IRL', 'Europe', 1, [53.2, -7.8, 0.6, 0.8]),
  c('Czechia', 'CZE', 'Europe', 1, [49.8, 15.5, 0.4, 1.2]),
  c('Belgium', 'BEL', 'Europe', 1, [50.6, 4.6, 0.3, 0.6]),
  c('United States', 'USA', 'North America', 30, [38.5, -97.0, 4.0, 12.0]),
  c('Canada', 'CAN', 'North America', 6, [52.0, -105.0, 2.0, 12.0]),
  c('Mexico', 'MEX', 'Latin America', 4, [21.5, -101.5, 2.0, 3.0]),
  c('Brazil', 'BRA', 'Latin America', 5, [-12.0, -48.0, 5.0, 6.0]),
  c('Argentina', 'ARG', 'Latin America', 3, [-34.0, -63.0, 3.0, 2.0]),
  c('Chile', 'CHL', 'Latin America', 3, [-35.5, -71.3, 2.0, 0.4]),
  c('Colombia', 'COL', 'Latin America', 4, [5.0, -74.5, 1.5, 1.0]),
  c('Peru', 'PER', 'Latin America', 2, [-10.5, -75.5, 2.0, 1.2]),
  c('Costa Rica', 'CRI', 'Latin America', 2, [9.9, -84.1, 0.3, 0.4]),
  c('Uruguay', 'URY', 'Latin America', 1, [-33.0, -56.0, 0.8, 1.0]),
  c('Ecuador', 'ECU', 'Latin America', 2, [-1.5, -78.5, 0.8, 0.5]),
  c('South Africa', 'ZAF', 'Africa', 3, [-28.5, 26.0, 2.0, 3.0]),
  c('Kenya', 'KEN', 'Africa', 2, [0.0, 37.5, 1.0, 1.0]),
  c('Nigeria', 'NGA', 'Africa', 2, [9.0, 8.0, 2.0, 3.0]),
  c('Ghana', 'GHA', 'Africa', 2, [7.5, -1.2, 1.0, 0.8]),
  c('Morocco', 'MAR', 'Africa', 2, [32.5, -6.5, 1.0, 1.5]),
  c('Rwanda', 'RWA', 'Africa', 1, [-2.0, 30.0, 0.3, 0.4]),
  c('Senegal', 'SEN', 'Africa', 1, [14.5, -15.0, 0.6, 1.0]),
  c('Ethiopia', 'ETH', 'Africa', 1, [9.0, 39.0, 1.5, 2.0]),
  c('Tanzania', 'TZA', 'Africa', 1, [-6.0, 35.0, 2.0, 2.0]),
  c('Australia', 'AUS', 'Asia-Pacific', 4, [-31.0, 146.0, 2.0, 4.0]),
  c('New Zealand', 'NZL', 'Asia-Pacific', 2, [-39.0, 175.8, 0.6, 0.5]),
  c('Japan', 'JPN', 'Asia-Pacific', 2, [36.3, 139.2, 0.4, 0.6]),
  c('Korea', 'KOR', 'Asia-Pacific', 3, [36.3, 127.8, 0.6, 0.6]),
  c('India', 'IND', 'Asia-Pacific', 3, [22.0, 79.0, 4.0, 4.0]),
  c('Indonesia', 'IDN', 'Asia-Pacific', 1, [-7.3, 110.0, 0.3, 1.5]),
  c('Philippines', 'PHL', 'Asia-Pacific', 1, [15.5, 121.0, 0.6, 0.3]),
  c('Viet Nam', 'VNM', 'Asia-Pacific', 1, [21.0, 105.5, 0.4, 0.4]),
  c('Thailand', 'THA', 'Asia-Pacific', 1, [15.0, 101.0, 1.5, 1.0]),
  c('Israel', 'ISR', 'Middle East', 3, [31.0, 34.8, 0.3, 0.1]),
  c('Jordan', 'JOR', 'Middle East', 2, [31.5, 36.5, 0.6, 0.5]),
  c('United Arab Emirates', 'ARE', 'Middle East', 1, [24.2, 55.0, 0.3, 0.5]),
  c('Saudi Arabia', 'SAU', 'Middle East', 2, [24.0, 45.0, 2.0, 3.0]),
  c('Türkiye', 'TUR', 'Middle East', 2, [39.0, 33.0, 1.0, 3.0]),
]

/** Invented place names: a syllable pair plus an ending that suits the region. */
const starts = [
  'Al',
  'Bel',
  'Cor',
  'Dar',
  'Elv',
  'Fen',
  'Gal',
  'Har',
  'Isk',
  'Jor',
  'Kal',
  'Lor',
  'Mar',
  'Nor',
]
const starts2 = [
  'Orv',
  'Pell',
  'Quen',
  'Ros',
  'Sal',
  'Tor',
  'Ulm',
  'Vell',
  'Wes',
  'Yar',
  'Zan',
  'Brin',
  'Cael',
]
const middles = ['a', 'e', 'i', 'o', 'an', 'en', 'or', 'el', 'ar']
const endings: Record<Region, string[]> = {
  Europe: ['stad', 'burg', 'mere', 'haven', 'wick', 'ora', 'ino', 'heim', 'dorf', 'vik', 'ford'],
  'North America': [
    'ton',
    'ville',
    'field',
    'brook',
    'port',
    'dale',
    'crest',
    ' Falls',
    ' Harbor',
    ' Springs',
  ],
  'Latin America': ['ana', 'ado', 'illa', 'ero', 'ina', 'oso', 'al', 'ita'],
  Africa: ['aba', 'ini', 'ango', 'ara', 'ele', 'uru', 'oni', 'ala'],
  'Asia-Pacific': ['ara', 'ori', 'ang', 'ima', 'un', 'aka', 'eru', 'ong'],
  'Middle East': ['ar', 'iya', 'abad', 'un', 'ira', 'am', 'an', 'el'],
}

function placeName(rng: () => number, region: Region): string {
  const start = pick(rng, rng() < 0.5 ? starts : starts2)
  const ending = pick(rng, endings[region])
  const middle = pick(rng, middles)
  // No vowel pile-ups ("Maraaka"): drop the middle when the ending starts with a vowel.
  return /^[aeiou]/.test(ending) && /[aeiou]$/.test(middle) ? start + ending : start + middle + ending
}

const slugOf = (name: string, iso3: string) =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${iso3.toLowerCase()}`

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places

/** 30,000 to 5 million residents; half under about 130,000, one in five over a million. */
function population(rng: () => number): number {
  const value = 10 ** (4.5 + 2.2 * rng() ** 2)
  const magnitude = 10 ** Math.max(2, Math.floor(Math.log10(value)) - 2)
  return Math.round(value / magnitude) * magnitude
}

/** Which editions each demo city answered: 60 only 2018, 30 both, 60 only 2020 (90 per edition). */
function editionsByIndex(count: number, rng: () => number): number[][] {
  const order = Array.from({ length: count }, (_, i) => i)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  const editions: number[][] = []
  order.forEach((cityIndex, position) => {
    editions[cityIndex] = position < 60 ? [2018] : position < 90 ? [2018, 2020] : [2020]
  })
  return editions
}

function generateCities(): DemoCity[] {
  const rng = mulberry32(hashString('demo-cities-v1'))
  const used = new Set<string>(['Enschede'])
  const cities: Omit<DemoCity, 'editions'>[] = []
  for (const country of countries) {
    for (let i = 0; i < country.cities; i++) {
      let name = ''
      // Short names are the likeliest to be real places; skip them.
      while (name.length < 6 || used.has(name)) {
        name = placeName(rng, country.region)
      }
      used.add(name)
      cities.push({
        slug: slugOf(name, country.iso3),
        name,
        country: country.name,
        iso3: country.iso3,
        region: country.region,
        latitude: round(country.lat + (rng() * 2 - 1) * country.dLat, 4),
        longitude: round(country.lon + (rng() * 2 - 1) * country.dLon, 4),
        population: population(rng),
        fictional: true,
      })
    }
  }
  const editions = editionsByIndex(cities.length, rng)
  return cities.map((city, i) => ({ ...city, editions: editions[i] }))
}

/** The one real city: it answered 2020 only (seed profile, population year 2019). */
export const enschede: DemoCity = {
  slug: 'enschede-nld',
  name: 'Enschede',
  country: 'Netherlands',
  iso3: 'NLD',
  region: 'Europe',
  latitude: 52.22,
  longitude: 6.89,
  population: 159000,
  editions: [2020],
  fictional: false,
}

/** Enschede first, then 150 plainly fictional cities. */
export const demoCities: readonly DemoCity[] = [enschede, ...generateCities()]

/** The cities that answered the given survey year. */
export function respondentsOf(year: number): DemoCity[] {
  return demoCities.filter((city) => city.editions.includes(year))
}
