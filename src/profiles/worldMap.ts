import { createRequire } from 'node:module'
import { geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo'
import { merge, mesh } from 'topojson-client'
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification'
import { escapeXml } from './barChart'

const WIDTH = 960
const HEIGHT = 467

export interface MapCity {
  slug: string
  name: string
  country: string
  latitude: number | null
  longitude: number | null
}

interface Base {
  projection: GeoProjection
  land: string
  borders: string
  sphere: string
}

let base: Base | undefined
let last: { key: string; svg: string } | undefined

/** Countries and projection, computed once per process (world-atlas countries-110m, Equal Earth). */
function mapBase(): Base {
  if (base) return base
  const require = createRequire(import.meta.url)
  const world = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>
  const projection = geoEqualEarth().fitSize([WIDTH, HEIGHT], { type: 'Sphere' })
  // Whole pixels are enough at this size; land as one shape plus the borders between countries
  // is half the markup of one shape per country.
  const path = geoPath(projection).digits(0)
  const countries = world.objects.countries
  base = {
    projection,
    land: path(merge(world, countries.geometries as Array<Polygon | MultiPolygon>)) ?? '',
    borders: path(mesh(world, countries, (a, b) => a !== b)) ?? '',
    sphere: path({ type: 'Sphere' }) ?? '',
  }
  return base
}

/**
 * The participating cities on a world map: server-rendered SVG, each city a link with its name.
 * The list of cities next to it is the accessible equivalent.
 */
export function renderWorldMap(cities: MapCity[]): string {
  const key = cities.map((c) => `${c.slug}@${c.latitude},${c.longitude}`).join('|')
  if (last?.key === key) return last.svg
  const svg = drawMap(cities)
  last = { key, svg }
  return svg
}

function drawMap(cities: MapCity[]): string {
  const { projection, land, borders, sphere } = mapBase()
  const dots = cities.flatMap((city) => {
    if (city.latitude === null || city.longitude === null) return []
    const point = projection([city.longitude, city.latitude])
    if (!point) return []
    const [x, y] = point.map((n) => Math.round(n * 10) / 10)
    const name = escapeXml(`${city.name}, ${city.country}`)
    return [
      `<a href="/cities/${encodeURIComponent(city.slug)}" class="city" aria-label="${name}">` +
        `<title>${name}</title><circle class="city-dot" cx="${x}" cy="${y}" r="4"></circle>` +
        `<text class="city-label" x="${x + 6}" y="${y + 4}">${escapeXml(city.name)}</text></a>`,
    ]
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cis-map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-labelledby="map-title">` +
    `<title id="map-title">Map of the participating cities</title>` +
    `<path class="sphere" d="${sphere}"></path><path class="land" d="${land}"></path><path class="borders" d="${borders}"></path>` +
    dots.join('') +
    `</svg>`
  )
}
