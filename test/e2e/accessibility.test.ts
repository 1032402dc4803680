import { describe, expect, it } from 'vitest'
import { useJourney, signInWithKeyboard } from './support/journey'
import { accessibilityProblems } from './support/accessibility'
import { screenshot, sidewaysOverflow } from './support/screenshots'

const journey = useJourney()

/** Public pages every visitor meets, checked at desktop width and at 320 px. */
const publicPages = [
  { name: 'home', path: '/' },
  { name: 'login', path: '/login' },
  { name: 'not-found', path: '/no-such-page' },
]

describe('accessibility of the public pages', () => {
  for (const { name, path } of publicPages) {
    it(`when a visitor opens ${path}, then axe finds no WCAG 2.2 A/AA violation and nothing scrolls sideways at 320 px`, async () => {
      const page = await journey.page()
      await page.goto(journey.app.baseUrl + path)
      expect(await accessibilityProblems(page, name)).toEqual([])
      await screenshot(page, name)
      await page.setViewportSize({ width: 320, height: 800 })
      expect(await sidewaysOverflow(page)).toBe(0)
      await screenshot(page, name)
      await page.close()
    })
  }

  it('when the login form is sent empty, then the error page is accessible and names each field', async () => {
    const page = await journey.page()
    await page.goto(`${journey.app.baseUrl}/login`)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.locator('.govuk-error-summary')).toBeDefined()
    expect(await page.title()).toMatch(/^Error: Sign in/)
    expect(await page.locator('.govuk-error-summary__list').innerText()).toContain('Enter your email address')
    expect(await accessibilityProblems(page, 'login-errors')).toEqual([])
    await page.close()
  })

  it('when the admin signs in with the keyboard, then they land in the signed-in area', async () => {
    const page = await journey.page()
    await signInWithKeyboard(page, journey.app.baseUrl, 'admin@example.org')
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1)
    await page.close()
  })
})
