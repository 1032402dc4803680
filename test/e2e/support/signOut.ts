import type { Page } from 'playwright-core'
import { pressWithKeyboard } from './officerJourney'

/** Signs out through the header's button. */
export async function signOut(page: Page): Promise<void> {
  await pressWithKeyboard(page, 'Sign out')
}
