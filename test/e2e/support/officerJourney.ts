import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { fillPageWithKeyboard, followNumberBounds } from './fillPage'
import { signInWithKeyboard } from './journey'
import { accessibilityProblems } from './accessibility'

/** Presses a button or link by its visible name with the keyboard. */
export async function pressWithKeyboard(
  page: Page,
  name: string | RegExp,
  role: 'button' | 'link' = 'button',
): Promise<void> {
  await page.getByRole(role, { name }).first().focus()
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
    timeout: 15_000,
  })
  await page.keyboard.press('Enter')
  await navigated
  await page.waitForLoadState('load')
}

const isQuestionPage = (page: Page) => page.locator('form button', { hasText: 'Save and continue' }).count()

/** Saves the current page; when a number is out of bounds, follows the message and saves again. */
export async function saveAndContinue(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = page.url()
    await pressWithKeyboard(page, 'Save and continue')
    if (page.url() !== before || !(await page.locator('.govuk-error-summary').count())) return
    if (!(await followNumberBounds(page))) break
  }
  const problems = await page.locator('.govuk-error-summary').innerText()
  throw new Error(`The page ${page.url()} would not save: ${problems}`)
}

/** Answers every page of the section that is open, until its check-answers page. */
export async function completeSection(page: Page): Promise<number> {
  let pages = 0
  while (await isQuestionPage(page)) {
    await fillPageWithKeyboard(page)
    await saveAndContinue(page)
    pages++
    expect(pages, 'a section should end').toBeLessThan(30)
  }
  expect(new URL(page.url()).pathname).toMatch(/check-answers$/)
  return pages
}

/** The task list's section links, in order. */
export async function sectionLinks(page: Page): Promise<string[]> {
  return page.$$eval('a.govuk-task-list__link', (links) =>
    (links as HTMLAnchorElement[])
      .map((a) => a.getAttribute('href') ?? '')
      .filter((href) => !href.endsWith('/check-answers')),
  )
}

/**
 * Journey (a): the Enschede officer completes the 2026 survey with the keyboard alone,
 * meets and fixes an error, saves and comes back later, changes an answer and submits.
 * It runs twice: with JavaScript, and with JavaScript disabled.
 */
export async function officerCompletesTheSurvey(
  page: Page,
  baseUrl: string,
  scanAccessibility: boolean,
): Promise<void> {
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
