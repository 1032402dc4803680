import { describe, expect, it } from 'vitest'
import { useJourney } from './support/journey'
import { pressWithKeyboard } from './support/officerJourney'
import { accessibilityProblems } from './support/accessibility'
import { screenshot, sidewaysOverflow } from './support/screenshots'
import { demoCities } from '../../src/cli/demo/demoData'

/** Journey (c): a visitor filters the cities, opens a profile, switches year and downloads the data. */
const journey = useJourney()

describe('journey (c): a visitor reads the public site', () => {
  it('when a visitor filters /cities by region, then Enschede is listed and its profile, other year and CSV follow', async () => {
    const page = await journey.page()
    const base = journey.app.baseUrl
    await page.goto(`${base}/cities`)
    await page.locator('#q').fill('Ensch')
    await page.locator('#region').selectOption('Europe')
    await pressWithKeyboard(page, 'Apply filters')
    expect(new URL(page.url()).searchParams.get('region')).toBe('Europe')
    expect(await page.locator('main').innerText()).toContain('Enschede')
    expect(await accessibilityProblems(page, 'cities-filtered')).toEqual([])

    await pressWithKeyboard(page, 'Enschede', 'link')
    expect(new URL(page.url()).pathname).toBe('/cities/enschede-nld/2020')
    const profile = await page.locator('main').innerText()
    expect(profile).toContain(
      'Like 81% of cities surveyed, Enschede has dedicated funding to support innovation capacity.',
    )
    expect(await accessibilityProblems(page, 'profile')).toEqual([])
    await screenshot(page, 'profile-enschede-2020')
    await page.setViewportSize({ width: 320, height: 800 })
    expect(await sidewaysOverflow(page)).toBe(0)
    await screenshot(page, 'profile-enschede-2020')
    await page.setViewportSize({ width: 1200, height: 900 })

    // A city that answered both years: switch from its latest profile to the earlier one.
    const both = demoCities.find((city) => city.editions.includes(2018) && city.editions.includes(2020))!
    await page.goto(`${base}/cities/${both.slug}`)
    expect(new URL(page.url()).pathname).toBe(`/cities/${both.slug}/2020`)
    await page
      .getByRole('navigation', { name: 'Survey years of this profile' })
      .getByRole('link', { name: '2018' })
      .click()
    expect(new URL(page.url()).pathname).toBe(`/cities/${both.slug}/2018`)
    expect(await page.locator('h1').innerText()).toContain(both.name)

    await page.goto(`${base}/open-data`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'CSV of 2020', exact: true }).click(),
    ])
    const file = await download.path()
    const { readFileSync } = await import('node:fs')
    const csv = readFileSync(file, 'utf8')
    expect(csv.split('\n')[0]).toContain('funding.has_dedicated')
    expect(csv).toContain('enschede-nld')
    await page.close()
  })
})
