import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useJourney, signInWithKeyboard } from './support/journey'
import { accessibilityProblems } from './support/accessibility'
import { screenshot, sidewaysOverflow } from './support/screenshots'
import { demoCities } from '../../src/cli/demo/demoData'

const journey = useJourney()
const twoYears = demoCities.find((city) => city.editions.includes(2018) && city.editions.includes(2020))!

/** Every kind of public page. */
const publicPages = [
  { name: 'home', path: '/' },
  { name: 'login', path: '/login' },
  { name: 'cities', path: '/cities' },
  { name: 'cities-empty', path: '/cities?q=no-such-city' },
  { name: 'profile', path: '/cities/enschede-nld/2020' },
  { name: 'compare', path: `/cities/${twoYears.slug}/compare?from=2018&to=2020` },
  { name: 'results-years', path: '/results' },
  { name: 'results', path: '/results/2020' },
  { name: 'results-question', path: '/results/2020/policy-areas' },
  { name: 'open-data', path: '/open-data' },
  { name: 'add-your-city', path: '/add-your-city' },
  { name: 'not-found', path: '/no-such-page' },
]

/** Every kind of administration page (and the account page). */
const adminPages = [
  { name: 'admin-dashboard', path: '/admin' },
  { name: 'admin-editions', path: '/admin/editions' },
  { name: 'admin-edition', path: '/admin/editions/2026' },
  { name: 'admin-edition-confirm', path: '/admin/editions/2026/close' },
  { name: 'admin-progress', path: '/admin/editions/2020/progress' },
  { name: 'admin-progress-open', path: '/admin/editions/2026/progress' },
  { name: 'admin-reminders', path: '/admin/editions/2026/reminders' },
  { name: 'admin-jobs', path: '/admin/jobs' },
  { name: 'admin-settings', path: '/admin/settings' },
  { name: 'admin-edition-identity', path: '/admin/editions/2026/identity' },
  { name: 'admin-cities', path: '/admin/cities' },
  { name: 'admin-city-new', path: '/admin/cities/new' },
  { name: 'admin-users', path: '/admin/users' },
  { name: 'admin-user-new', path: '/admin/users/new' },
  { name: 'admin-city-requests', path: '/admin/city-requests' },
  { name: 'admin-audit', path: '/admin/audit' },
  { name: 'admin-edition-new', path: '/admin/editions/new' },
  { name: 'admin-questionnaire', path: '/admin/editions/2026/questionnaire' },
  { name: 'admin-questionnaire-changes', path: '/admin/editions/2020/questionnaire/changes' },
  { name: 'admin-questionnaire-history', path: '/admin/editions/2026/questionnaire/history' },
  { name: 'admin-questionnaire-preview', path: '/admin/editions/2026/questionnaire/preview' },
  { name: 'admin-questionnaire-profile', path: '/admin/editions/2020/questionnaire/profile' },
  { name: 'admin-profile-block', path: '/admin/editions/2020/questionnaire/profile/blocks/header' },
  {
    name: 'admin-profile-preview',
    path: '/admin/editions/2020/questionnaire/profile/preview?city=enschede-nld',
  },
  { name: 'account', path: '/account' },
  { name: 'account-password', path: '/account/password' },
]

async function check(page: Page, name: string, path: string): Promise<void> {
  await page.setViewportSize({ width: 1200, height: 900 })
  const response = await page.goto(journey.app.baseUrl + path)
  expect(response?.status(), `${path} should answer`).toBeLessThan(name === 'not-found' ? 500 : 400)
  expect(await accessibilityProblems(page, name)).toEqual([])
  await screenshot(page, name)
  await page.setViewportSize({ width: 320, height: 800 })
  expect(await sidewaysOverflow(page), `${name} scrolls sideways at 320 px`).toBe(0)
  await screenshot(page, name)
}

describe('accessibility of every kind of page', () => {
  it('when a visitor opens each public page, then axe finds no WCAG 2.2 A/AA violation and nothing scrolls sideways at 320 px', async () => {
    const page = await journey.page()
    for (const { name, path } of publicPages) await check(page, name, path)
    await page.close()
  })

  it('when the login form is sent empty, then the error page is accessible and names each field', async () => {
    const page = await journey.page()
    await page.goto(`${journey.app.baseUrl}/login`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    expect(await page.title()).toMatch(/^Error: Sign in/)
    expect(await page.locator('.govuk-error-summary__list').innerText()).toContain('Enter your email address')
    expect(await accessibilityProblems(page, 'login-errors')).toEqual([])
    await page.close()
  })

  it('when the admin opens each administration page, then axe finds no violation and nothing scrolls sideways', async () => {
    const page = await journey.page()
    await signInWithKeyboard(page, journey.app.baseUrl, 'admin@example.org')
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1)
    for (const { name, path } of adminPages) await check(page, name, path)
    await page.goto(`${journey.app.baseUrl}/admin/editions/2020/progress`)
    const review = await page.locator('table a[href^="/admin/responses/"]').first().getAttribute('href')
    await check(page, 'admin-review', review!)
    await check(page, 'admin-comment', `${review}/comment`)
    await check(page, 'admin-approve-confirm', `${review}/reopen`)
    await page.close()
  })
})
