import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { signInWithKeyboard, useJourney } from './support/journey'
import { officerCompletesTheSurvey, pressWithKeyboard } from './support/officerJourney'
import { signOut } from './support/signOut'
import { accessibilityProblems } from './support/accessibility'

/**
 * Journey (b): the admin returns Enschede's response with a comment on one question, the
 * officer sees it and fixes it, the admin approves and publishes, and the public profile
 * shows the new answers with shares computed over the comparison basis.
 */
const journey = useJourney()
const COMMENT = 'Please give the mayor’s full name.'
const FIXED_MAYOR = 'Roelof Bleker'

async function openEnschedeResponse(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin/editions/2026/progress`)
  await pressWithKeyboard(page, 'Enschede', 'link')
  expect(await page.locator('h1').innerText()).toContain('Enschede')
}

async function confirm(page: Page, start: string | RegExp, button: string | RegExp): Promise<void> {
  await pressWithKeyboard(page, start, 'link')
  await pressWithKeyboard(page, button)
}

describe('journey (b): review, return, fix, approve, publish', () => {
  it('when the admin returns a response and later publishes it, then the officer sees the comment and the public sees the fixed answer', async () => {
    const page = await journey.page()
    const base = journey.app.baseUrl
    await officerCompletesTheSurvey(page, base, false)
    await signOut(page)

    await signInWithKeyboard(page, base, 'admin@example.org')
    await openEnschedeResponse(page, base)
    expect(await accessibilityProblems(page, 'admin-review')).toEqual([])
    await pressWithKeyboard(page, /Comment on .*mayor/i, 'link')
    await page.locator('#body').focus()
    await page.keyboard.type(COMMENT)
    await pressWithKeyboard(page, 'Add comment')
    await confirm(page, 'Return for changes', 'Return for changes')
    expect(await page.locator('main').innerText()).toMatch(/Returned/i)
    await signOut(page)

    await signInWithKeyboard(page, base, 'enschede.officer@example.org')
    await page.goto(`${base}/survey/2026`)
    expect(await page.locator('main').innerText()).toContain('There is a problem')
    await page.goto(`${base}/survey/2026/check-answers`)
    expect(await page.locator('main').innerText()).toContain(COMMENT)
    await pressWithKeyboard(page, /Change .*mayor/i, 'link')
    await page.locator('input[type=text]').first().focus()
    await page.keyboard.press('Control+A')
    await page.keyboard.type(FIXED_MAYOR)
    await pressWithKeyboard(page, 'Save and continue')
    await page.locator('#confirm').focus()
    await page.keyboard.press('Space')
    await pressWithKeyboard(page, 'Submit survey response')
    expect(await page.locator('main').innerText()).toMatch(/CIS-2026-\d+/)
    await signOut(page)

    await signInWithKeyboard(page, base, 'admin@example.org')
    await openEnschedeResponse(page, base)
    const changes = await page.locator('#changes').innerText()
    expect(changes).toContain(FIXED_MAYOR)
    await confirm(page, 'Approve', 'Approve')
    // Compare with every city's latest approved answers, as the original site did after 2020.
    await page.goto(`${base}/admin/editions/2026`)
    await page.locator('#basis-latest').focus()
    await page.keyboard.press('Space')
    await pressWithKeyboard(page, 'Save settings')
    await confirm(page, /^Close/, /^Close/)
    await confirm(page, /^Publish/, /^Publish/)
    expect(await page.locator('main').innerText()).toMatch(/Published/i)
    await signOut(page)

    await page.goto(`${base}/cities/enschede-nld/2026`)
    const profile = await page.locator('main').innerText()
    expect(profile).toContain(FIXED_MAYOR)
    expect(profile).toMatch(
      /Along with \d+% of cities surveyed, Enschede has an explicit innovation strategy\./,
    )
    await page.goto(`${base}/cities/enschede-nld/2020`)
    expect(await page.locator('main').innerText()).toMatch(
      /Along with \d+% of cities surveyed, Enschede does not have an explicit innovation strategy\./,
    )
    await page.close()
  })
})
