import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startApp, type RunningApp } from './support/appServer'
import { launchBrowser, type Browser } from './support/browser'
import { signInWithKeyboard } from './support/journey'
import { completeSection, pressWithKeyboard, sectionLinks } from './support/officerJourney'
import { signOut } from './support/signOut'
import { accessibilityProblems } from './support/accessibility'
import { createKnex } from '../../src/db/knex'
import { createAdmin } from '../../src/cli/createAdmin'

/**
 * Issue 16's browser journey: a deployment with no demo data and another survey's wording. The
 * first administrator (made by the command line, as on a real deployment) imports the
 * digital-services example as the first survey year, opens it and invites an officer; the
 * officer sets a password, fills in every page with the keyboard and submits. Every page
 * visited is scanned with axe.
 */
const exampleFile = path.resolve('src/questionnaire/definitions/examples/digitalServices2027.json')
const ADMIN = { email: 'first.admin@digital.example', password: 'first-admin-password' }
const OFFICER = { email: 'dana.digital@deventer.example', password: 'a-long-officer-password' }

let app: RunningApp
let browser: Browser
let page: Page
const problems: string[] = []
const scan = async (label: string) => problems.push(...(await accessibilityProblems(page, label)))

beforeAll(async () => {
  app = await startApp({
    DEMO_DATA: 'false',
    SURVEY_NAME: 'Digital services survey',
    SURVEY_DESCRIPTION: 'How municipalities run their digital services.',
    SURVEY_FOOTER_ABOUT: 'a yearly look at municipal digital services.',
    PROFILE_TITLE: 'Digital profile',
    UNIT_SINGULAR: 'municipality',
    UNIT_PLURAL: 'municipalities',
  })
  const knex = createKnex({ client: 'sqlite3', filename: app.databaseFile })
  try {
    await createAdmin(knex, { ...ADMIN, displayName: 'First Admin' })
  } finally {
    await knex.destroy()
  }
  browser = await launchBrowser()
  page = await browser.context.newPage()
})
afterAll(async () => {
  await browser?.close()
  await app?.stop()
})

const main = () => page.locator('main').innerText()

describe('a first survey year imported from the digital-services example, answered in the browser', () => {
  it('when the administrator imports the example into a new year and opens it, then it is open with the example’s sections', async () => {
    const base = app.baseUrl
    await signInWithKeyboard(page, base, ADMIN.email, ADMIN.password)
    await page.goto(`${base}/admin/editions/new`)
    expect(await main()).not.toContain('Copy an earlier edition')
    await scan('new-edition')
    await page.fill('#year', '2027')
    await page.check('#start-import')
    await page.setInputFiles('#definition-file', exampleFile)
    await page.waitForFunction(
      () => (document.querySelector('#definition') as HTMLTextAreaElement).value.length > 0,
    )
    await pressWithKeyboard(page, 'Create survey year')
    expect(new URL(page.url()).pathname).toBe('/admin/editions/2027/questionnaire')
    const overview = await main()
    expect(overview).toContain('The 2027 survey year was created as a draft with the imported questionnaire')
    expect(overview).toContain('Digital team and skills')
    await scan('questionnaire-overview')

    await page.goto(`${base}/admin/editions/2027/open`)
    await scan('open-confirmation')
    await pressWithKeyboard(page, 'Open for responses')
    expect(await main()).toContain('Survey year 2027: opened for responses')
    expect(problems).toEqual([])
  })

  it('when the administrator adds a municipality and invites its officer, then the officer sets a password with the link', async () => {
    const base = app.baseUrl
    await page.goto(`${base}/admin/cities/new`)
    await page.fill('#name', 'Deventer')
    await page.fill('#country', 'Netherlands')
    await page.fill('#iso3', 'NLD')
    await page.selectOption('#region', 'Europe')
    await pressWithKeyboard(page, 'Save city')
    expect(await page.locator('h1').innerText()).toBe('Deventer')

    await page.goto(`${base}/admin/users/new`)
    await page.fill('#displayName', 'Dana Digital')
    await page.fill('#email', OFFICER.email)
    await page.check('#role')
    await page.selectOption('#cityId', { label: 'Deventer, Netherlands' })
    await scan('new-user')
    await pressWithKeyboard(page, 'Create account')
    const link = await page.locator('#link').inputValue()
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}$/)
    await signOut(page)

    await page.goto(link.replace(/^https?:\/\/[^/]+/, base))
    await scan('set-password')
    await page.fill('#newPassword', OFFICER.password)
    await page.fill('#confirmPassword', OFFICER.password)
    await pressWithKeyboard(page, 'Save password')
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(problems).toEqual([])
  })

  it('when the officer fills in every page with the keyboard and submits, then the response is submitted and each page passes axe', async () => {
    const base = app.baseUrl
    await signInWithKeyboard(page, base, OFFICER.email, OFFICER.password)
    await page.goto(`${base}/survey`)
    expect(new URL(page.url()).pathname).toBe('/survey/2027')
    const taskList = await main()
    expect(taskList).toContain('Online services')
    expect(taskList).toContain('Open source and open data')
    expect(taskList).not.toMatch(/[Ii]nnovation/)
    await scan('task-list')
    const sections = await sectionLinks(page)
    expect(sections).toHaveLength(3)

    // The first section by keyboard alone: "Yes" to the portal brings its conditional page.
    await page.goto(base + sections[0])
    await scan('first-question-page')
    const visited: string[] = []
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(new URL(frame.url()).pathname)
    })
    expect(await completeSection(page)).toBe(2)
    expect(visited).toContain('/survey/2027/services/services_portal')
    await scan('section-check-answers')
    for (const section of sections.slice(1)) {
      await page.goto(base + section)
      await completeSection(page)
    }

    await page.goto(`${base}/survey/2027/check-answers`)
    expect(await main()).toContain('I confirm I am submitting on behalf of Deventer')
    await scan('check-answers')
    await page.locator('#confirm').focus()
    await page.keyboard.press('Space')
    await pressWithKeyboard(page, 'Submit survey response')
    expect(await page.locator('h1').innerText()).toMatch(/submitted/i)
    await scan('confirmation')
    expect(problems).toEqual([])
  })
})
