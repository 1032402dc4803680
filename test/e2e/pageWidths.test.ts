import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { signInWithKeyboard, useJourney } from './support/journey'
import { completeSection, pressWithKeyboard, sectionLinks } from './support/officerJourney'
import { signOut } from './support/signOut'
import { accessibilityProblems } from './support/accessibility'
import { screenshot } from './support/screenshots'

/**
 * Every kind of officer and administrator page at a phone's width (375 px) and a laptop's
 * (1280 px): nothing wider than the window, axe clean, a full-page screenshot each for people
 * to look at. The review page is seen with a history: the response went round a return, a
 * comment, a reply and a resubmission first. One browser, one page per width.
 */
const journey = useJourney()
const widths = [375, 1280]
const COMMENT = 'Please give the mayor’s full name, as on the city’s website.'
const REPLY = 'Done: the full name is now in the answer, as on https://www.enschede.nl/bestuur/burgemeester.'

interface Pages {
  byWidth: Array<{ width: number; page: Page }>
  problems: string[]
  widths: Record<string, number[]>
}

async function openPages(): Promise<Pages> {
  const byWidth = []
  for (const width of widths) {
    const page = await journey.page()
    await page.setViewportSize({ width, height: 900 })
    byWidth.push({ width, page })
  }
  return { byWidth, problems: [], widths: {} }
}

/** Opens a path at each width: records sideways overflow and axe's findings, writes screenshots. */
async function look(pages: Pages, name: string, path: string): Promise<void> {
  for (const { width, page } of pages.byWidth) {
    const response = await page.goto(journey.app.baseUrl + path)
    expect(response?.status(), `${name}: ${path}`).toBeLessThan(400)
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    const innerWidth = await page.evaluate(() => window.innerWidth)
    ;(pages.widths[name] ??= []).push(scrollWidth)
    if (scrollWidth > innerWidth) pages.problems.push(`${name} is ${scrollWidth} px wide at ${width} px`)
    pages.problems.push(...(await accessibilityProblems(page, `${name} at ${width} px`)))
    await screenshot(page, `width-${name}`)
  }
}

/** The officer completes and submits Enschede's 2026 response; returns the confirmation path. */
async function officerSubmits(page: Page, base: string): Promise<string> {
  await signInWithKeyboard(page, base, 'enschede.officer@example.org')
  await page.goto(`${base}/survey/2026`)
  for (const section of await sectionLinks(page)) {
    await page.goto(base + section)
    if (!new URL(page.url()).pathname.endsWith('check-answers')) await completeSection(page)
  }
  await page.goto(`${base}/survey/2026/check-answers`)
  await page.locator('#confirm').check()
  await pressWithKeyboard(page, 'Submit survey response')
  expect(new URL(page.url()).pathname).toMatch(/\/confirmation\//)
  return new URL(page.url()).pathname
}

describe('officer and administrator pages fit the screen', () => {
  it('when each kind of page is opened at 375 and 1280 px, then none is wider than the window and axe finds nothing', async () => {
    const base = journey.app.baseUrl
    const pages = await openPages()
    const work = pages.byWidth[1].page

    const confirmation = await officerSubmits(work, base)
    await signOut(work)
    await signInWithKeyboard(work, base, 'admin@example.org')
    await work.goto(`${base}/admin/editions/2026/progress`)
    await pressWithKeyboard(work, 'Enschede', 'link')
    const review = new URL(work.url()).pathname
    await work.goto(`${base}${review}/comment?question=city.mayor`)
    await work.locator('#body').fill(COMMENT)
    await pressWithKeyboard(work, 'Add comment')
    await pressWithKeyboard(work, 'Return for changes', 'link')
    await pressWithKeyboard(work, 'Return for changes')
    await signOut(work)

    // The officer replies to the comment, changes the answer and submits again.
    await signInWithKeyboard(work, base, 'enschede.officer@example.org')
    await work.goto(`${base}/survey/2026/city/city_facts`)
    await pressWithKeyboard(work, 'Reply to this comment', 'link')
    const replyPage = new URL(work.url()).pathname
    await look(pages, 'officer-comment-reply', replyPage)
    await work.locator('#body').fill(REPLY)
    await pressWithKeyboard(work, 'Send reply')
    expect(await work.locator('.govuk-notification-banner').innerText()).toContain('Your reply has been sent')
    await work.locator('#city-mayor').fill('Roelof Bleker, Mayor of Enschede')
    await pressWithKeyboard(work, 'Save and continue')
    await look(pages, 'officer-question-page', '/survey/2026/organisation/structure')
    await look(pages, 'officer-check-answers', '/survey/2026/check-answers')
    await work.goto(`${base}/survey/2026/check-answers`)
    await work.locator('#confirm').check()
    await pressWithKeyboard(work, 'Submit survey response')
    await look(pages, 'officer-task-list', '/survey/2026')
    await look(pages, 'officer-confirmation', confirmation)
    await signOut(work)

    await signInWithKeyboard(work, base, 'admin@example.org')
    const question = '/admin/editions/2026/questionnaire/questions/org.structure'
    for (const [name, path] of [
      ['admin-dashboard', '/admin'],
      ['admin-editions', '/admin/editions'],
      ['admin-edition', '/admin/editions/2026'],
      ['admin-questionnaire', '/admin/editions/2026/questionnaire'],
      ['admin-question-form', question],
      ['admin-review-list', '/admin/editions/2026/progress'],
      ['admin-review-response', review],
      ['admin-users', '/admin/users'],
      ['admin-cities', '/admin/cities'],
      ['admin-progress', '/admin/editions/2020/progress'],
      ['admin-reminders', '/admin/editions/2026/reminders'],
      ['admin-jobs', '/admin/jobs'],
      ['admin-outbox', '/admin/outbox'],
      ['admin-city-import', '/admin/cities/import'],
      ['admin-settings', '/admin/settings'],
      ['admin-profile-layout', '/admin/editions/2026/questionnaire/profile'],
    ])
      await look(pages, name, path)
    // The reviewer sees the officer's reply under the comment and in the history.
    await work.goto(base + review)
    const reviewText = await work.locator('main').innerText()
    expect(reviewText).toContain(COMMENT)
    expect(reviewText.split(REPLY)).toHaveLength(3)
    expect(reviewText).toContain('Replied to a comment')

    console.log('scrollWidth at 375 and 1280 px:', JSON.stringify(pages.widths))
    expect(pages.problems).toEqual([])
    for (const { page } of pages.byWidth) await page.close()
    // One journey through 24 pages at two widths, each with axe: about 60 s on a quiet machine.
  }, 240_000)
})
