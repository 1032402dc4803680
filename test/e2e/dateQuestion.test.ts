import path from 'node:path'
import ejs from 'ejs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { viewHelpers } from '../../src/shared/viewHelpers'
import { isolatedPartial } from '../../src/shared/isolatedPartial'
import { questionSchema } from '../../src/questionnaire/definitionSchema'
import { emptyFormValue, questionForm } from '../../src/questionnaire/formCodec'
import { launchBrowser, type Browser } from './support/browser'
import { accessibilityProblems } from './support/accessibility'

/**
 * The date question's view (views/questions/date.ejs) in a real browser: axe on the GOV.UK date
 * input, empty and with a message. No shipped questionnaire asks a date yet, so the partial is
 * rendered on a page of its own rather than reached through the demo survey.
 */

const views = path.resolve(import.meta.dirname, '../../views')
const question = questionSchema.parse({
  key: 'harbour.opened_on',
  type: 'date',
  label: 'When did the harbour open?',
  hint: 'The day the first ship docked.',
})

async function pageWith(errors: Array<{ href: string; text: string }>, cells: Record<string, string>) {
  // The app registers questionForm beside the shared helpers (app.ts).
  const partial = isolatedPartial(views, false, { ...viewHelpers, questionForm })
  const html = partial('/questions/question', {
    question,
    value: { ...emptyFormValue(), cells },
    errors,
    year: 2026,
  })
  return ejs.render(
    '<!DOCTYPE html><html lang="en"><head><title>Date</title></head><body><main><h1>Opening</h1><form method="post"><%- html %><button>Save</button></form></main></body></html>',
    { html },
  )
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(() => browser?.close())

describe('the date question in a browser', () => {
  it('when it is empty and when it has a message, then axe finds no WCAG 2.2 A/AA violation and the month box is the one marked', async () => {
    const page = await browser.context.newPage()
    await page.setContent(await pageWith([], {}))
    expect(await accessibilityProblems(page, 'date-question')).toEqual([])
    expect(await page.getByRole('group', { name: 'When did the harbour open?' }).count()).toBe(1)
    expect(await page.getByLabel('Month').count()).toBe(1)

    const message = 'The answer to “When did the harbour open” must include a month'
    await page.setContent(
      await pageWith([{ href: '#harbour-opened_on--month', text: message }], { day: '3', year: '1950' }),
    )
    expect(await accessibilityProblems(page, 'date-question-error')).toEqual([])
    expect(
      await page.locator('.govuk-input--error').evaluateAll((inputs) => inputs.map((i) => i.id)),
    ).toEqual(['harbour-opened_on--month'])
    expect(await page.getByLabel('Year').inputValue()).toBe('1950')
    await page.close()
  })
})
