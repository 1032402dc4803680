import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { useJourney, signInWithKeyboard } from './support/journey'
import { completeSection, pressWithKeyboard, sectionLinks } from './support/officerJourney'
import { fillPageWithKeyboard } from './support/fillPage'
import { accessibilityProblems } from './support/accessibility'

/**
 * Journey (a): the Enschede officer completes the 2026 survey with the keyboard alone,
 * meets and fixes an error, saves and comes back later, changes an answer and submits.
 * It runs twice: with JavaScript, and with JavaScript disabled.
 */
async function officerCompletesTheSurvey(page: Page, baseUrl: string, scanAccessibility: boolean): Promise<void> {
  await signInWithKeyboard(page, baseUrl, 'enschede.officer@example.org')
  await page.goto(`${baseUrl}/survey`)
  expect(await page.locator('h1').innerText()).toMatch(/2026/)
  const sections = await sectionLinks(page)
  expect(sections.length).toBeGreaterThanOrEqual(5)

  // The first page, sent empty: the error summary names the problems, the title says Error.
  await page.goto(baseUrl + sections[0])
  await pressWithKeyboard(page, 'Save and continue')
  expect(await page.title()).toMatch(/^Error: /)
  expect(await page.locator('.govuk-error-summary__title').innerText()).toBe('There is a problem')
  // axe runs on timers, which a page without JavaScript never fires: scanned in the run with it.
  if (scanAccessibility) expect(await accessibilityProblems(page, 'officer-errors')).toEqual([])
  await completeSection(page)

  // Save and come back later on the second section, then resume it from the task list.
  await page.goto(baseUrl + sections[1])
  await fillPageWithKeyboard(page)
  await pressWithKeyboard(page, 'Save and come back later')
  expect(new URL(page.url()).pathname).toBe('/survey/2026')
  expect(await page.locator('main').innerText()).toContain('In progress')

  for (const section of sections.slice(1)) {
    await page.goto(baseUrl + section)
    if (new URL(page.url()).pathname.endsWith('check-answers')) continue
    await completeSection(page)
  }

  // Check answers, change the mayor, come back to the summary.
  await page.goto(`${baseUrl}/survey/2026/check-answers`)
  expect(await page.locator('.cis-missing').count()).toBe(0)
  await pressWithKeyboard(page, /Change .*mayor/i, 'link')
  const field = page.locator('input[type=text]').first()
  await field.focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('Mayor Changed In Browser')
  await pressWithKeyboard(page, 'Save and continue')
  expect(new URL(page.url()).pathname).toBe('/survey/2026/check-answers')
  expect(await page.locator('.govuk-summary-list').first().innerText()).toContain('Mayor Changed In Browser')

  // Submit on behalf of the city.
  await page.locator('#confirm').focus()
  await page.keyboard.press('Space')
  await pressWithKeyboard(page, 'Submit survey response')
  expect(await page.locator('h1').innerText()).toMatch(/submitted/i)
  expect(await page.locator('main').innerText()).toMatch(/CIS-2026-\d+/)
}

describe('journey (a): an officer completes and submits the survey', () => {
  const withScript = useJourney()
  it('when JavaScript runs, then the keyboard alone takes the officer from sign-in to the confirmation', async () => {
    const page = await withScript.page()
    await officerCompletesTheSurvey(page, withScript.app.baseUrl, true)
    await page.close()
  })
})

describe('journey (a) without JavaScript', () => {
  const withoutScript = useJourney({ javaScriptEnabled: false })
  it('when JavaScript is disabled, then the same journey works', async () => {
    const page = await withoutScript.page()
    await officerCompletesTheSurvey(page, withoutScript.app.baseUrl, false)
    await page.close()
  })
})
