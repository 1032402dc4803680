import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useJourney } from './support/journey'
import { accessibilityProblems } from './support/accessibility'
import { screenshot, sidewaysOverflow } from './support/screenshots'
import { loadConfig } from '../../src/config'
import { createKnex } from '../../src/db/knex'
import { repositories } from '../../src/wiring/repositories'
import { services } from '../../src/wiring/services'
import { publishSpanishProfiles, type SpanishProfiles } from '../support/spanishProfiles'
import type { Knex } from 'knex'

/**
 * The public pages in Spanish (issue 19): two survey years translated completely, published
 * beside the demo data through the running app's own database, then read in a browser.
 */
const journey = useJourney()
let seeded: SpanishProfiles
let knex: Knex | undefined

beforeAll(async () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    DATABASE_URL: `sqlite:${journey.app.databaseFile}`,
  })
  knex = createKnex(config.database)
  const repos = repositories(knex)
  seeded = await publishSpanishProfiles({ repos, services: services(config, repos) }, 2050, {
    bothComplete: true,
  })
})
afterAll(async () => {
  await knex?.destroy()
})

async function check(page: Page, name: string, path: string): Promise<string> {
  await page.setViewportSize({ width: 1200, height: 900 })
  const response = await page.goto(journey.app.baseUrl + path)
  expect(response?.status(), `${path} should answer`).toBe(200)
  expect(await page.getAttribute('html', 'lang')).toBe('es')
  expect(await accessibilityProblems(page, name)).toEqual([])
  await screenshot(page, name)
  await page.setViewportSize({ width: 375, height: 800 })
  expect(await sidewaysOverflow(page), `${name} scrolls sideways at 375 px`).toBe(0)
  await screenshot(page, name)
  return page.innerText('main')
}

describe('the public pages in Spanish', () => {
  it('when a visitor chooses Español, then home, a profile, results and compare are Spanish, axe-clean and fit 375 px', async () => {
    const page = await journey.page()
    const home = await check(page, 'es-home', '/?lang=es')
    expect(home).toContain('Cifras destacadas, 2051')
    // The choice is remembered: no ?lang= from here on.
    const profile = await check(page, 'es-profile', `/cities/${seeded.city.slug}/2050`)
    expect(profile).toMatch(
      /Como el 71\s%\sde las ciudades encuestadas, Villaverde tiene financiación específica/,
    )
    expect(profile).toContain('Villaverde usa 2 competencias de innovación')
    const results = await check(page, 'es-results', '/results/2050')
    expect(results).toContain('Resultados de la encuesta de 2050')
    const compare = await check(page, 'es-compare', `/cities/${seeded.city.slug}/compare?from=2050&to=2051`)
    expect(compare).toContain('Respuestas lado a lado')
    await page.close()
  })

  it('when a visitor reads the list of cities and the open data in Spanish, then both are Spanish, axe-clean and fit 375 px', async () => {
    const page = await journey.page()
    const cities = await check(page, 'es-cities', '/cities?lang=es')
    expect(cities).toContain('Buscar por nombre')
    expect(cities).toContain('Aplicar filtros')
    const none = await check(page, 'es-cities-none', '/cities?q=zzzz')
    expect(none).toContain('Pruebe a quitar un filtro')
    const openData = await check(page, 'es-open-data', '/open-data')
    expect(openData).toContain('Los archivos están en inglés')
    expect(openData).toContain('Qué contienen los archivos')
    await page.close()
  })
})
