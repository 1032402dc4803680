import { createRequire } from 'node:module'
import { geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo'
import { merge, mesh } from 'topojson-client'
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification'
import type { MultiLineString, MultiPolygon as LandShape } from 'geojson'
import { escapeXml } from './barChart'

const WIDTH = 960
const HEIGHT = 467
/** Room around the sphere so its outline is not cut off. */
const MARGIN = 4

export interface MapCity {
  slug: string
  name: string
  country: string
  latitude: number | null
  longitude: number | null
}

interface World {
  land: LandShape
  borders: MultiLineString
}

interface Base {
  projection: GeoProjection
  land: string
  borders: string
  sphere: string
}

let world: World | undefined
let base: Base | undefined
let last: { key: string; svg: string } | undefined

/** Land as one shape and the borders between countries (world-atlas countries-110m), read once per process. */
function worldShapes(): World {
  if (world) return world
  const require = createRequire(import.meta.url)
  const atlas = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>
  const countries = atlas.objects.countries
  const shapes: World = {
    land: merge(atlas, countries.geometries as Array<Polygon | MultiPolygon>),
    borders: mesh(atlas, countries, (a, b) => a !== b),
  }
  world = shapes
  return shapes
}

/** The world map's projection and shapes, computed once per process (Equal Earth). */
function mapBase(): Base {
  if (base) return base
  const { land, borders } = worldShapes()
  const projection = geoEqualEarth().fitExtent(
    [
      [MARGIN, MARGIN],
      [WIDTH - MARGIN, HEIGHT - MARGIN],
    ],
    { type: 'Sphere' },
  )
  // Whole pixels are enough at this size.
  const path = geoPath(projection).digits(0)
  base = {
    projection,
    land: path(land) ?? '',
    borders: path(borders) ?? '',
    sphere: path({ type: 'Sphere' }) ?? '',
  }
  return base
}

/**
 * One city as a link: a visible dot and a larger transparent target around it (public-site.md:
 * targets one can tap), named by aria-label and a <title> tooltip.
 */
function cityLink(city: MapCity, [x, y]: [number, number], here: boolean): string {
  const name = escapeXml(`${city.name}, ${city.country}`)
  return (
    `<a href="/cities/${encodeURIComponent(city.slug)}" class="city${here ? ' city--here' : ''}" aria-label="${name}">` +
    `<title>${name}</title><circle class="city-target" cx="${x}" cy="${y}" r="12"></circle>` +
    `<circle class="city-dot" cx="${x}" cy="${y}" r="${here ? 8 : 5}"></circle></a>`
  )
}

const rounded = (point: [number, number]): [number, number] => [
  Math.round(point[0] * 10) / 10,
  Math.round(point[1] * 10) / 10,
]

/**
 * The participating cities on a world map: server-rendered SVG, each city a link (keyboard
 * reachable). The list of cities next to it is the accessible equivalent; the page gives a legend.
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
    return point ? [cityLink(city, rounded(point), false)] : []
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cis-map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="group" aria-labelledby="map-title">` +
    `<title id="map-title">Map of the participating cities</title>` +
    `<path class="sphere" d="${sphere}"></path><path class="land" d="${land}"></path><path class="borders" d="${borders}"></path>` +
    dots.join('') +
    `</svg>`
  )
}

const LOCATOR_WIDTH = 320
const LOCATOR_HEIGHT = 220
const locators = new Map<string, string>()

/**
 * A city's own locator map for its profile: the region around it (about 40 degrees of longitude)
 * with the city marked, drawn once per city and place. Shapes are clipped to the frame, so the
 * map is a few kilobytes, not the whole world's.
 */
export function renderLocatorMap(city: { name: string; latitude: number; longitude: number }): string {
  const key = `${city.name}@${city.latitude},${city.longitude}`
  const hit = locators.get(key)
  if (hit) return hit
  const { land, borders } = worldShapes()
  const projection = geoMercator()
    .center([city.longitude, city.latitude])
    .scale(LOCATOR_WIDTH / ((40 * Math.PI) / 180))
    .translate([LOCATOR_WIDTH / 2, LOCATOR_HEIGHT / 2])
    .clipExtent([
      [0, 0],
      [LOCATOR_WIDTH, LOCATOR_HEIGHT],
    ])
  const path = geoPath(projection).digits(1)
  const [x, y] = rounded(
    projection([city.longitude, city.latitude]) ?? [LOCATOR_WIDTH / 2, LOCATOR_HEIGHT / 2],
  )
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" class="cis-map cis-locator__map" viewBox="0 0 ${LOCATOR_WIDTH} ${LOCATOR_HEIGHT}" aria-hidden="true" focusable="false">` +
    `<rect class="sphere" width="${LOCATOR_WIDTH}" height="${LOCATOR_HEIGHT}"></rect>` +
    `<path class="land" d="${path(land) ?? ''}"></path><path class="borders" d="${path(borders) ?? ''}"></path>` +
    `<circle class="city-ring" cx="${x}" cy="${y}" r="14"></circle><circle class="city-dot city-dot--here" cx="${x}" cy="${y}" r="7"></circle>` +
    `</svg>`
  locators.set(key, svg)
  return svg
}
