import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { signedInAgent, postForm, type Agent } from '../support/http'
import { adminAgent, auditTypes } from '../support/accountsFactories'
import {
  buildOfficer,
  buildTestEdition,
  decodeHtml,
  pageState,
  type Officer,
} from '../support/collectionFactories'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { editionSubject } from '../../src/review/editionAdminRepository'

const t = testApp()
afterAll(() => t.close())

const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString()
const typed = { 'lamp-has_fresnel': 'no', 'lamp-wick_count': '7', 'lamp-lit_since': '1911' }

let edition: Edition
let officer: Officer
let agent: Agent
const page = () => `/survey/${edition.year}/lamps/lamp_basics`

beforeEach(async () => {
  edition = await buildTestEdition(t.repos)
  officer = await buildOfficer(t.repos)
  agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
})

async function storedWicks(): Promise<number | undefined> {
  const response = await t.repos.responses.find(edition.id, officer.city.id)
  const row =
    response &&
    (await t.knex('answers').where({ response_id: response.id, question_key: 'lamp.wick_count' }).first())
  return row ? Number(row.value_number) : undefined
}

/** Opens the page while the survey takes answers, then moves the deadline to an hour ago. */
async function openThenMissDeadline(): Promise<Record<string, string>> {
  const form = await agent.get(page())
  expect(form.status).toBe(200)
  await t.repos.editions.update(edition.id, { closes_on: hourAgo().slice(0, 10), closes_at: hourAgo() })
  return pageState(form.text)
}

describe('a deadline that holds', () => {
  it('when a save arrives after the deadline, then it is refused with what was typed shown back, and nothing is stored', async () => {
    const state = await openThenMissDeadline()
    const response = await agent
      .post(page())
      .type('form')
      .send({ ...state, ...typed, _action: 'continue' })
    expect(response.status).toBe(409)
    const html = decodeHtml(response.text)
    expect(html).toContain('Your answers were not saved')
    expect(html).toContain('The deadline for this survey was')
    expect(html).toContain('ask your survey administrator for an extension')
    expect(html).toMatch(/What you typed[\s\S]*Number of wicks[\s\S]*>7<[\s\S]*Year first lit[\s\S]*>1911</)
    expect(await storedWicks()).toBeUndefined()

    const again = decodeHtml((await agent.get(page())).text)
    expect(again).not.toContain('Save and continue')
    expect(again).toContain('The deadline for this survey was')
  })

  it('when the city has an extension, then it can still save after the deadline and after the survey year closed itself', async () => {
    const state = await openThenMissDeadline()
    const { admin } = await adminAgent(t)
    const inADay = new Date(Date.now() + 86_400_000).toISOString()
    await t.repos.extensions.set(edition.id, officer.city.id, inADay, 'Flooded town hall', admin.id)
    const saved = await agent
      .post(page())
      .type('form')
      .send({ ...state, ...typed, _action: 'continue' })
    expect(saved.status).toBe(302)
    expect(await storedWicks()).toBe(7)

    expect(await t.services.review.deadlines.closeDue()).toContain(edition.year)
    expect((await t.repos.editions.findByYear(edition.year))?.status).toBe('closed')
    const form = await agent.get(page())
    expect(form.text).toContain('Save and continue')
    const later = await agent
      .post(page())
      .type('form')
      .send({ ...pageState(form.text), ...typed, 'lamp-wick_count': '8', _action: 'continue' })
    expect(later.status).toBe(302)
    expect(await storedWicks()).toBe(8)
  })

  it('when the clock passes the deadline, then the survey year closes itself once, and not before', async () => {
    // A deadline long past, so the clocks given below close no other survey year of a shared database.
    const closesAt = '2001-06-30T15:00:00.000Z'
    await t.repos.editions.update(edition.id, { closes_on: '2001-06-30', closes_at: closesAt })
    expect(await t.services.review.deadlines.closeDue('2001-06-30T14:59:59.999Z')).not.toContain(edition.year)
    expect((await t.repos.editions.findByYear(edition.year))?.status).toBe('open')
    expect(await t.services.review.deadlines.closeDue('2001-06-30T15:00:00.000Z')).toContain(edition.year)
    expect(await t.services.review.deadlines.closeDue('2001-06-30T15:01:00.000Z')).not.toContain(edition.year)
    expect((await t.repos.editions.findByYear(edition.year))?.status).toBe('closed')
    expect(await auditTypes(t, { subject: editionSubject(edition.year) })).toEqual(['edition_close'])
  })
})

describe('administrators set deadlines', () => {
  it('when the closing date, time and zone are saved, then the deadline is that moment on that clock', async () => {
    const { agent: admin } = await adminAgent(t)
    const settings = `/admin/editions/${edition.year}`
    const fields = { opensOn: '', closesOn: '2030-12-31', basis: 'approved' }
    const bad = await postForm(admin, settings, `${settings}/settings`, {
      ...fields,
      closesTime: '25:00',
      timeZone: 'Mars/Olympus',
    })
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('Enter a time on the 24-hour clock, like 17:00')
    expect(bad.text).toContain('Enter a time zone name, like Europe/Amsterdam or UTC')
    const good = await postForm(admin, settings, `${settings}/settings`, {
      ...fields,
      closesTime: '17:00',
      timeZone: 'Europe/Amsterdam',
    })
    expect(good.status).toBe(302)
    const saved = (await t.repos.editions.findByYear(edition.year))!
    expect([saved.closesTime, saved.timeZone, saved.closesAt]).toEqual([
      '17:00',
      'Europe/Amsterdam',
      '2030-12-31T16:00:00.000Z',
    ])
    expect((await admin.get(settings)).text).toContain('31 December 2030 at 17:00 (Europe/Amsterdam)')
  })

  it('when an administrator extends a city’s deadline, then it is listed with its reason, audited, and can be removed', async () => {
    const { agent: admin } = await adminAgent(t)
    const extensions = `/admin/editions/${edition.year}/extensions`
    const refused = await postForm(admin, extensions, extensions, {
      cityId: String(officer.city.id),
      closesOn: '2001-01-01',
      closesTime: '12:00',
      reason: '',
    })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('Enter the reason for the extension')
    const given = await postForm(admin, extensions, extensions, {
      cityId: String(officer.city.id),
      closesOn: '2099-01-15',
      closesTime: '12:00',
      reason: 'Council elections <b>moved</b>',
    })
    expect(given.status).toBe(302)
    const list = await admin.get(extensions)
    expect(list.text).toContain(officer.city.name)
    expect(list.text).toContain('15 January 2099 at 12:00 (UTC)')
    expect(list.text).toContain('Council elections &lt;b&gt;moved&lt;/b&gt;')
    expect(await t.repos.extensions.until(edition.id, officer.city.id)).toBe('2099-01-15T12:00:00.000Z')

    const removed = await postForm(admin, extensions, `${extensions}/${officer.city.id}/remove`, {})
    expect(removed.status).toBe(302)
    expect(await t.repos.extensions.until(edition.id, officer.city.id)).toBeUndefined()
    expect(await auditTypes(t, { subject: editionSubject(edition.year) })).toEqual([
      'deadline_extended',
      'deadline_extension_removed',
    ])
  })
})
