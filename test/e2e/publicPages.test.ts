import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useJourney } from './support/journey'
import { accessibilityProblems } from './support/accessibility'
import { screenshot } from './support/screenshots'
import { smallestText } from './support/textSizes'
import { demoCities } from '../../src/cli/demo/demoData'

/**
 * Every kind of public page at a phone's width (375 px) and a desk's (1280 px): the document is
 * never wider than the window, no text renders under 12 CSS px, axe finds nothing; a full-page
 * screenshot of each for people to look at. Pages with charts are also measured at 320 px.
 */
const journey = useJourney()
const twoYears = demoCities.find((city) => city.editions.includes(2018) && city.editions.includes(2020))!

const publicPages = [
  { name: 'home', path: '/' },
  { name: 'cities', path: '/cities' },
  { name: 'cities-empty', path: '/cities?q=no-such-city' },
  { name: 'profile', path: '/cities/enschede-nld/2020', charts: true },
  { name: 'compare', path: `/cities/${twoYears.slug}/compare?from=2018&to=2020` },
  { name: 'compare-one-year', path: '/cities/enschede-nld/compare' },
  { name: 'results-years', path: '/results' },
  { name: 'results', path: '/results/2020', charts: true },
  { name: 'results-question', path: '/results/2020/policy-areas', charts: true },
  { name: 'open-data', path: '/open-data' },
  { name: 'privacy', path: '/privacy' },
  { name: 'accessibility-statement', path: '/accessibility' },
  { name: 'contact', path: '/contact' },
  { name: 'add-your-city', path: '/add-your-city' },
  { name: 'login', path: '/login' },
  { name: 'not-found', path: '/no-such-page' },
]

interface Findings {
  problems: string[]
  smallest: number
}

async function look(
  page: Page,
  findings: Findings,
  name: string,
  path: string,
  width: number,
): Promise<void> {
  await page.setViewportSize({ width, height: 900 })
  const response = await page.goto(journey.app.baseUrl + path)
  expect(response?.status(), path).toBeLessThan(name === 'not-found' ? 500 : 400)
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
  if (scrollWidth > innerWidth) findings.problems.push(`${name} is ${scrollWidth} px wide at ${width} px`)
  const text = await smallestText(page)
  findings.smallest = Math.min(findings.smallest, text.size)
  if (text.size < 12) findings.problems.push(`${name} at ${width} px: ${text.size} px text at ${text.where}`)
  findings.problems.push(...(await accessibilityProblems(page, `${name} at ${width} px`)))
}

describe('public pages on a phone and a desk', () => {
  it('when each kind of public page is opened at 375 and 1280 px, then none is wider than the window, no text is under 12 px and axe finds nothing', async () => {
    const page = await journey.page()
    const findings: Findings = { problems: [], smallest: Infinity }
    for (const { name, path } of publicPages) {
      for (const width of [375, 1280]) {
        await look(page, findings, name, path, width)
        await screenshot(page, `public-${name}`)
      }
    }
    console.log(`smallest text on a public page: ${findings.smallest} px`)
    expect(findings.problems).toEqual([])
    await page.close()
  })

  it('when a page with charts is opened at any width from 320 to 1280 px, then no chart text is under 12 px', async () => {
    const page = await journey.page()
    const findings: Findings = { problems: [], smallest: Infinity }
    for (const { name, path } of publicPages.filter((p) => p.charts))
      for (const width of [320, 480, 768, 1024]) {
        await page.setViewportSize({ width, height: 900 })
        await page.goto(journey.app.baseUrl + path)
        const text = await smallestText(page)
        findings.smallest = Math.min(findings.smallest, text.size)
        if (text.size < 12) findings.problems.push(`${name} at ${width} px: ${text.size} px at ${text.where}`)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        if (overflow > 0) findings.problems.push(`${name} scrolls ${overflow} px sideways at ${width} px`)
      }
    console.log(`smallest chart-page text, 320 to 1024 px: ${findings.smallest} px`)
    expect(findings.problems).toEqual([])
    await page.close()
  })
})
