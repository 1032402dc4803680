import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { signInWithKeyboard, useJourney } from './support/journey'
import { fillPageWithKeyboard } from './support/fillPage'
import { pressWithKeyboard, sectionLinks } from './support/officerJourney'
import { accessibilityProblems } from './support/accessibility'

/**
 * Issue 19's browser journey: the demo city's officer chooses Spanish and completes the 2026
 * survey with the keyboard, meeting Spanish error messages on the way. Every page is in Spanish
 * (`<html lang="es">`, no English button), and axe finds nothing on the pages it scans. It runs
 * with JavaScript and without.
 */

const SAVE = 'Guardar y continuar'

const isQuestionPage = (page: Page) => page.locator('form button', { hasText: SAVE }).count()

async function expectSpanishPage(page: Page, where: string) {
  expect(await page.locator('html').getAttribute('lang'), where).toBe('es')
  const text = await page.locator('main').innerText()
  for (const english of [
    'Save and continue',
    'There is a problem',
    'Check your answers',
    'Save and come back later',
    'Back to the task list',
  ])
    expect(text, `${where}: ${english}`).not.toContain(english)
}

/** After a refused save: put the first number a Spanish message names ("entre 1.000 y 2026") in its field. */
async function followNumberBounds(page: Page): Promise<boolean> {
  const errors = await page.$$eval('.govuk-error-summary__list a', (links) =>
    (links as HTMLAnchorElement[]).map((a) => ({ id: a.hash.slice(1), text: a.textContent ?? '' })),
  )
  let changed = false
  for (const error of errors) {
    const bound = /(\d[\d.]*\d|\d)/.exec(error.text)?.[1]?.replaceAll('.', '')
    const field = page.locator(`[id="${error.id}"]`)
    if (!bound || (await field.count()) === 0 || (await field.evaluate((el) => el.tagName)) !== 'INPUT')
      continue
    await field.focus()
    await page.keyboard.press('Control+A')
    await page.keyboard.type(bound)
    changed = true
  }
  return changed
}

async function saveAndContinue(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = page.url()
    await pressWithKeyboard(page, SAVE)
    if (page.url() !== before || !(await page.locator('.govuk-error-summary').count())) return
    if (!(await followNumberBounds(page))) break
  }
  const problems = await page.locator('.govuk-error-summary').innerText()
  throw new Error(`The page ${page.url()} would not save: ${problems}`)
}

async function completeSection(page: Page): Promise<void> {
  let pages = 0
  while (await isQuestionPage(page)) {
    await expectSpanishPage(page, page.url())
    await fillPageWithKeyboard(page, 'Respondido en el navegador')
    await saveAndContinue(page)
    expect(++pages, 'a section should end').toBeLessThan(30)
  }
  expect(new URL(page.url()).pathname).toMatch(/check-answers$/)
}

async function officerAnswersInSpanish(page: Page, baseUrl: string, scan: boolean) {
  const problems: string[] = []
  // axe runs on timers, which a page without JavaScript never fires: scanned in the run with it.
  const check = async (label: string) => {
    if (scan) problems.push(...(await accessibilityProblems(page, label)))
  }
  await signInWithKeyboard(page, baseUrl, 'demo.officer@example.org')
  await page.goto(`${baseUrl}/survey?lang=es`)
  await expectSpanishPage(page, 'task list')
  expect(await page.locator('main').innerText()).toContain('Secciones')
  await check('es-task-list')
  const sections = await sectionLinks(page)
  expect(sections.length).toBeGreaterThanOrEqual(5)

  // The first page, sent empty: a Spanish error summary, and the title says Error.
  await page.goto(baseUrl + sections[0])
  await check('es-question-page')
  await pressWithKeyboard(page, SAVE)
  expect(await page.title()).toMatch(/^Error: /)
  expect(await page.locator('.govuk-error-summary__title').innerText()).toBe('Hay un problema')
  // The 2026 definition words its own messages ("Enter the name of the mayor"): those are the
  // definition's texts, translated with it; the summary around them is the interface's.
  expect(await page.locator('.govuk-error-summary__list li').count()).toBeGreaterThan(0)
  await expectSpanishPage(page, 'page with errors')
  await check('es-errors')

  for (const section of sections) {
    await page.goto(baseUrl + section)
    if (new URL(page.url()).pathname.endsWith('check-answers')) continue
    await completeSection(page)
  }

  await page.goto(`${baseUrl}/survey/2026/check-answers`)
  await expectSpanishPage(page, 'check answers')
  expect(await page.locator('h1').innerText()).toBe('Revise sus respuestas antes de enviarlas')
  await check('es-check-answers')
  await page.locator('#confirm').focus()
  await page.keyboard.press('Space')
  await pressWithKeyboard(page, 'Enviar la respuesta a la encuesta')
  await expectSpanishPage(page, 'confirmation')
  expect(await page.locator('h1').innerText()).toBe('Respuesta a la encuesta enviada')
  expect(await page.locator('main').innerText()).toMatch(/Su número de referencia\s+CIS-2026-\d+/)
  await check('es-confirmation')
  expect(problems).toEqual([])
}

describe('an officer answers in Spanish', () => {
  const withScript = useJourney()
  it('when JavaScript runs, then the keyboard takes the officer from Spanish pages to a Spanish confirmation, axe-clean', async () => {
    const page = await withScript.page()
    await officerAnswersInSpanish(page, withScript.app.baseUrl, true)
    await page.close()
  })
})

describe('an officer answers in Spanish without JavaScript', () => {
  const withoutScript = useJourney({ javaScriptEnabled: false })
  it('when JavaScript is disabled, then the same Spanish journey works', async () => {
    const page = await withoutScript.page()
    await officerAnswersInSpanish(page, withoutScript.app.baseUrl, false)
    await page.close()
  })
})
