import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { signInWithKeyboard } from './support/journey'
import { completeSection, pressWithKeyboard, sectionLinks } from './support/officerJourney'
import { signOut } from './support/signOut'
import { accessibilityProblems } from './support/accessibility'
import { screenshot } from './support/screenshots'
import { actionLink, useMailJourney, waitForMail } from './support/mailJourney'

/**
 * Journey (d), issue 15: a survey year run by email. The administrator imports two cities
 * with their officers from a CSV file; an officer sets a password from the invitation that
 * reached the SMTP server, answers and submits; the administrator returns the response with
 * a comment, the officer gets that email, fixes and resubmits; the administrator approves
 * and the officer gets the approval. Every link followed comes out of a received message.
 */
const journey = useMailJourney()

const OFFICER = { name: 'Ingrid Dahl', email: 'ingrid.dahl@nordhaven.example.org' }
const OTHER_OFFICER = 'tomas.reyes@lakemouth.example.org'
const PASSWORD = 'harbour lantern quietly'
const COMMENT = 'Please give the mayor’s full name, as on the city’s website.'
const FIXED_MAYOR = 'Astrid Nordvik'
const CSV = [
  'City,Country,Country code (ISO 3),Region,Population,Latitude,Longitude,Officer name,Officer email',
  `Nordhaven,Norway,NOR,Europe,"48,200",63.1,7.7,${OFFICER.name},${OFFICER.email}`,
  `Lakemouth,Canada,CAN,North America,,,,Tomás Reyes,${OTHER_OFFICER}`,
].join('\n')

const SUBJECTS = {
  invitation: 'Create your password for the City Innovation Survey',
  submitted: 'Nordhaven submitted its 2026 response',
  returned: "Changes needed to Nordhaven's 2026 response",
  approved: "Nordhaven's 2026 response has been approved",
}

/** The axe scan and a screenshot, as at every key page of the other journeys. */
async function keyPage(page: Page, name: string): Promise<void> {
  expect(await accessibilityProblems(page, name)).toEqual([])
  await screenshot(page, name)
}

/** Follows a link from an email while signed out: the sign-in page, then the link's page. */
async function followSigningIn(page: Page, link: string, email: string, password: string): Promise<void> {
  await page.goto(link)
  expect(new URL(page.url()).pathname).toBe('/login')
  await page.locator('#email').focus()
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
  await page.keyboard.type(password)
  await page.keyboard.press('Enter')
  await page.waitForURL(link)
}

async function administratorImportsTheFile(page: Page, base: string): Promise<void> {
  await signInWithKeyboard(page, base, 'admin@example.org')
  await page.goto(`${base}/admin/cities/import`)
  await keyPage(page, 'mail-journey-import')
  // A file is chosen in the system's dialog, which no page can drive: playwright fills it in.
  await page.locator('#file').setInputFiles({
    name: 'new-cities.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV, 'utf8'),
  })
  await pressWithKeyboard(page, 'Check the file')
  expect(await page.locator('h1').innerText()).toBe('Check the import')
  const preview = await page.locator('main').innerText()
  expect(preview).toContain('add 2 new cities')
  expect(preview).toContain('create 2 officer accounts')
  expect(preview).toContain(`${OFFICER.name} (${OFFICER.email})`)
  await keyPage(page, 'mail-journey-import-preview')
  await pressWithKeyboard(page, 'Create and invite')
  expect(await page.locator('h1').innerText()).toBe('Cities and officers imported')
  expect(await page.locator('main').innerText()).toContain(`${OFFICER.name} (${OFFICER.email}), Nordhaven`)
  await keyPage(page, 'mail-journey-import-done')
  await signOut(page)
}

async function officerSetsPasswordFromInvitation(page: Page, base: string): Promise<void> {
  const invitation = await waitForMail(journey.smtp, OFFICER.email, SUBJECTS.invitation)
  expect(invitation.to).toEqual([OFFICER.email])
  expect(invitation.text).toContain(`Hello ${OFFICER.name},`)
  expect(invitation.text).toContain('for Nordhaven')
  const link = actionLink(invitation, base)
  expect(new URL(link).pathname).toMatch(/^\/set-password\/[\w-]{43}$/)
  // The other officer has a link of their own.
  const other = await waitForMail(journey.smtp, OTHER_OFFICER, SUBJECTS.invitation)
  expect(other.text).toContain('for Lakemouth')
  expect(actionLink(other, base)).not.toBe(link)

  await page.goto(link)
  expect(await page.locator('main').innerText()).toContain(OFFICER.email)
  await keyPage(page, 'mail-journey-set-password')
  await page.locator('#newPassword').focus()
  await page.keyboard.type(PASSWORD)
  await page.keyboard.press('Tab')
  await page.keyboard.type(PASSWORD)
  await pressWithKeyboard(page, 'Save password')
  expect(new URL(page.url()).pathname).toBe('/login')
  expect(await page.locator('main').innerText()).toContain('Your password has been set')
  // The link works once.
  await page.goto(link)
  expect(await page.locator('h1').innerText()).toBe('This link has already been used')
}

/** Signs the officer in with the password they chose and answers every section. */
async function officerAnswersAndSubmits(page: Page, base: string): Promise<void> {
  await signInWithKeyboard(page, base, OFFICER.email, PASSWORD)
  await page.goto(`${base}/survey`)
  expect(await page.locator('h1').innerText()).toMatch(/2026/)
  expect(await page.locator('main').innerText()).toContain('Nordhaven')
  for (const section of await sectionLinks(page)) {
    await page.goto(base + section)
    await completeSection(page)
  }
  await page.goto(`${base}/survey/2026/check-answers`)
  expect(await page.locator('.cis-missing').count()).toBe(0)
  await submit(page)
}

async function submit(page: Page): Promise<void> {
  await page.locator('#confirm').focus()
  await page.keyboard.press('Space')
  await pressWithKeyboard(page, 'Submit survey response')
  expect(await page.locator('main').innerText()).toMatch(/CIS-2026-\d+/)
}

async function administratorReturnsWithComment(page: Page, base: string): Promise<void> {
  const submitted = await waitForMail(journey.smtp, 'admin@example.org', SUBJECTS.submitted)
  await followSigningIn(page, actionLink(submitted, base), 'admin@example.org', 'demo-password')
  expect(await page.locator('h1').innerText()).toContain('Nordhaven')
  await keyPage(page, 'mail-journey-review')
  await pressWithKeyboard(page, /Comment on .*mayor/i, 'link')
  await page.locator('#body').focus()
  await page.keyboard.type(COMMENT)
  await pressWithKeyboard(page, 'Add comment')
  await pressWithKeyboard(page, 'Return for changes', 'link')
  await pressWithKeyboard(page, 'Return for changes')
  expect(await page.locator('main').innerText()).toMatch(/Returned/i)
  await signOut(page)
}

async function officerFixesFromReturnedMail(page: Page, base: string): Promise<void> {
  const returned = await waitForMail(journey.smtp, OFFICER.email, SUBJECTS.returned)
  expect(returned.to).toEqual([OFFICER.email])
  expect(returned.text).toContain('Their comment:')
  expect(returned.text).toContain(COMMENT)
  const link = actionLink(returned, base)
  expect(new URL(link).pathname).toBe('/survey/2026')
  await followSigningIn(page, link, OFFICER.email, PASSWORD)
  expect(await page.locator('main').innerText()).toContain('Your response was returned for changes')
  await keyPage(page, 'mail-journey-returned')

  await page.goto(`${base}/survey/2026/check-answers`)
  expect(await page.locator('main').innerText()).toContain(COMMENT)
  await pressWithKeyboard(page, /Change .*mayor/i, 'link')
  await page.locator('input[type=text]').first().focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type(FIXED_MAYOR)
  await pressWithKeyboard(page, 'Save and continue')
  expect(new URL(page.url()).pathname).toBe('/survey/2026/check-answers')
  await submit(page)
  await signOut(page)
}

async function administratorApproves(page: Page, base: string): Promise<void> {
  const resubmitted = await waitForMail(journey.smtp, 'admin@example.org', SUBJECTS.submitted, 2)
  await followSigningIn(page, actionLink(resubmitted, base), 'admin@example.org', 'demo-password')
  expect(await page.locator('#changes').innerText()).toContain(FIXED_MAYOR)
  await pressWithKeyboard(page, 'Approve', 'link')
  await pressWithKeyboard(page, 'Approve')
  expect(await page.locator('main').innerText()).toMatch(/Approved/i)
  await signOut(page)
}

async function officerReadsTheApproval(page: Page, base: string): Promise<void> {
  const approved = await waitForMail(journey.smtp, OFFICER.email, SUBJECTS.approved)
  expect(approved.to).toEqual([OFFICER.email])
  expect(approved.text).toContain("Thank you: Nordhaven's 2026 response has been approved.")
  await followSigningIn(page, actionLink(approved, base), OFFICER.email, PASSWORD)
  expect(await page.locator('main').innerText()).toMatch(/Approved/)
  await keyPage(page, 'mail-journey-approved')
  // Exactly the three messages of the journey, each once.
  expect(journey.smtp.to(OFFICER.email).map((mail) => mail.subject)).toEqual([
    SUBJECTS.invitation,
    SUBJECTS.returned,
    SUBJECTS.approved,
  ])
}

describe('journey (d): invitations, return and approval by email', () => {
  it('when the administrator imports and invites a city, then its officer goes from the emailed link to an approved response, told by email at each step', async () => {
    const page = await journey.page()
    const base = journey.app.baseUrl
    await administratorImportsTheFile(page, base)
    await officerSetsPasswordFromInvitation(page, base)
    await officerAnswersAndSubmits(page, base)
    await signOut(page)
    await administratorReturnsWithComment(page, base)
    await officerFixesFromReturnedMail(page, base)
    await administratorApproves(page, base)
    await officerReadsTheApproval(page, base)
    await page.close()
  })
})
