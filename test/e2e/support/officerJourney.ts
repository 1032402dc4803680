import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import { fillPageWithKeyboard, followNumberBounds } from './fillPage'

/** Presses a button or link by its visible name with the keyboard. */
export async function pressWithKeyboard(page: Page, name: string | RegExp, role: 'button' | 'link' = 'button'): Promise<void> {
  await page.getByRole(role, { name }).first().focus()
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 15_000 })
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
    (links as HTMLAnchorElement[]).map((a) => a.getAttribute('href') ?? '').filter((href) => !href.endsWith('/check-answers')),
  )
}
