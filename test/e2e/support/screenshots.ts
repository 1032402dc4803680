import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

export const screenshotDir = path.resolve(import.meta.dirname, '../screenshots')

/** Saves a full-page screenshot for people to look at (git-ignored folder). */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  const width = page.viewportSize()?.width ?? 0
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}.png`), fullPage: true })
}

/** How far the page scrolls sideways (0 when the layout fits the viewport). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}
