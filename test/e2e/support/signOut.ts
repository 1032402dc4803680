import type { Page } from 'playwright-core'
import { pressWithKeyboard } from './officerJourney'

/** Signs out through the header's button, and checks the page that confirms it. */
export async function signOut(page: Page): Promise<void> {
  await pressWithKeyboard(page, 'Sign out')
  if (new URL(page.url()).pathname !== '/signed-out')
    throw new Error(`Signing out led to ${page.url()}, not /signed-out`)
  const heading = await page.locator('h1').innerText()
  if (heading !== 'You have signed out') throw new Error(`Signing out showed "${heading}"`)
}
