import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useJourney, signInWithKeyboard } from './support/journey'
import { accessibilityProblems } from './support/accessibility'
import { screenshot, sidewaysOverflow } from './support/screenshots'

/** The officer's survey pages in a real browser: axe, 320 px, keyboard and no JavaScript. */

const journey = useJourney()
const noScript = useJourney({ javaScriptEnabled: false })

const surveyPages = [
  { name: 'survey-task-list', path: '/survey/2026' },
  { name: 'survey-city-facts', path: '/survey/2026/city/city_facts' },
  { name: 'survey-people', path: '/survey/2026/city/city_people' },
  { name: 'survey-strategy', path: '/survey/2026/vision/strategy' },
  { name: 'survey-rating', path: '/survey/2026/vision/activities' },
  { name: 'survey-choices', path: '/survey/2026/vision/approach' },
  { name: 'survey-matrix', path: '/survey/2026/data/data_availability' },
  { name: 'survey-single-with-other', path: '/survey/2026/organisation/structure' },
  { name: 'survey-partnerships', path: '/survey/2026/data/partnerships' },
  { name: 'survey-check-answers', path: '/survey/2026/check-answers' },
]

/** A page of the browser, signed in as the demo officer (the browser keeps the session between tests). */
async function officerPage(j: typeof journey): Promise<Page> {
  const page = await j.page()
  await page.goto(`${j.app.baseUrl}/login`)
  if (new URL(page.url()).pathname === '/login')
    await signInWithKeyboard(page, j.app.baseUrl, 'demo.officer@example.org')
  return page
}

async function checkPage(page: Page, name: string) {
  expect(await accessibilityProblems(page, name)).toEqual([])
  await screenshot(page, name)
  await page.setViewportSize({ width: 320, height: 800 })
  expect(await sidewaysOverflow(page), `${name} at 320px`).toBe(0)
  await screenshot(page, name)
  await page.setViewportSize({ width: 1024, height: 800 })
}

describe('the officer’s survey pages in a browser', () => {
  it('when the officer opens each kind of survey page, then axe finds no WCAG 2.2 A/AA violation and nothing scrolls sideways at 320 px', async () => {
    const page = await officerPage(journey)
    for (const { name, path } of surveyPages) {
      await page.goto(journey.app.baseUrl + path)
      await checkPage(page, name)
    }
    await page.close()
  })

  it('when a page is saved with errors, then the error page is accessible and the summary links move focus to the field', async () => {
    const page = await officerPage(journey)
    await page.goto(`${journey.app.baseUrl}/survey/2026/vision/approach`)
    await page.getByRole('button', { name: 'Save and continue' }).click()
    expect(await page.title()).toMatch(/^Error: /)
    await checkPage(page, 'survey-errors')
    await page.locator('.govuk-error-summary__list a').first().click()
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('approach-level')
    await page.close()
  })

  it('when the officer chooses the answer a follow-up depends on, then the follow-up appears under it, and goes when the answer changes', async () => {
    const page = await officerPage(journey)
    await page.goto(`${journey.app.baseUrl}/survey/2026/vision/strategy`)
    const description = page.locator('#strategy-description')
    expect(await description.isVisible()).toBe(false)
    expect(await page.getByText('If you chose “Yes”').isVisible()).toBe(false)
    await page.locator('#strategy-formal').check()
    expect(await description.isVisible()).toBe(true)
    expect(await page.locator('#strategy-formal').getAttribute('aria-controls')).toBe(
      'strategy-formal--reveal-1',
    )
    await page.locator('#strategy-formal--no').check()
    expect(await description.isVisible()).toBe(false)
    await page.goto(`${journey.app.baseUrl}/survey/2026/organisation/structure`)
    expect(await page.locator('#org-structure--other').isVisible()).toBe(false)
    await page.locator('#org-structure--other-option').check()
    expect(await page.locator('#org-structure--other').isVisible()).toBe(true)
    await page.locator('#org-structure--within_department').check()
    expect(await page.locator('#org-structure--other').isVisible()).toBe(false)
    expect(await page.locator('#org-department').isVisible()).toBe(true)
    expect(await page.locator('#org-staff_count').isVisible()).toBe(true)
    expect(await accessibilityProblems(page, 'survey-revealed')).toEqual([])
    await page.close()
  })

  it('when the officer answers with the keyboard alone, then the page saves and moves on', async () => {
    const page = await officerPage(journey)
    await page.goto(`${journey.app.baseUrl}/survey/2026/funding/funding`)
    await page.locator('#funding-has_dedicated--no').focus()
    await page.keyboard.press('Space')
    await page.getByRole('button', { name: 'Save and continue' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/survey\/2026\/funding\/check-answers$/)
    expect(await page.locator('.govuk-summary-list').innerText()).toContain('No')
    await page.close()
  })
})

describe('the survey without JavaScript', () => {
  it('when JavaScript is off, then follow-up questions and "Other" boxes are simply shown under their short hints and the page still saves', async () => {
    const page = await officerPage(noScript)
    await page.goto(`${noScript.app.baseUrl}/survey/2026/vision/strategy`)
    expect(await page.locator('#strategy-description').isVisible()).toBe(true)
    expect(await page.getByText('If you chose “Yes”').isVisible()).toBe(true)
    await page.locator('#strategy-formal').check()
    await page.locator('#strategy-description').fill('A strategy agreed by the council in 2025.')
    await page.locator('#goals-formal--no').check()
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await page.waitForURL(/\/survey\/2026\/vision\/activities$/)
    await page.goto(`${noScript.app.baseUrl}/survey/2026/vision/approach`)
    expect(await page.locator('#policy_areas--other').isVisible()).toBe(true)
    await page.goto(`${noScript.app.baseUrl}/survey/2026/organisation/structure`)
    expect(await page.locator('#org-structure--other').isVisible()).toBe(true)
    expect(await page.locator('#org-staff_count').isVisible()).toBe(true)
    expect(await page.getByText('If you chose “A dedicated innovation team …”').isVisible()).toBe(true)
    await page.close()
  })
})
