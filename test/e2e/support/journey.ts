import { afterAll, beforeAll } from 'vitest'
import type { Page } from 'playwright-core'
import { startApp, type RunningApp } from './appServer'
import { launchBrowser, type Browser } from './browser'

export interface Journey {
  app: RunningApp
  browser: Browser
  page: () => Promise<Page>
}

/** One app (fresh demo database) and one browser for a test file. */
export function useJourney(options: { javaScriptEnabled?: boolean; width?: number } = {}): Journey {
  const journey = {} as Journey
  beforeAll(async () => {
    journey.app = await startApp()
    journey.browser = await launchBrowser(options)
    journey.page = () => journey.browser.context.newPage()
  })
  afterAll(async () => {
    await journey.browser?.close()
    await journey.app?.stop()
  })
  return journey
}

/** Signs in through the login form with the keyboard. */
export async function signInWithKeyboard(
  page: Page,
  baseUrl: string,
  email: string,
  password = 'demo-password',
): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.locator('#email').focus()
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
  await page.keyboard.type(password)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}
