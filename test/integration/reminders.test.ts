import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { adminAgent, auditTypes, signedIn } from '../support/accountsFactories'
import { csrfToken, postForm } from '../support/http'
import { decodeHtml } from '../support/collectionFactories'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'
import { linkIn, mailUrl, senderOf, setAsideEarlierMail, startMailServer } from '../support/mailServer'
import { createKnex } from '../../src/db/knex'
import { repositories } from '../../src/wiring/repositories'
import { services as buildServices } from '../../src/wiring/services'
import { jobRunner } from '../../src/jobs/jobRunner'
import { jobsRepository } from '../../src/jobs/jobsRepository'
import { editionSubject } from '../../src/review/editionAdminRepository'
import type { Edition } from '../../src/questionnaire/editionsRepository'

const smtp = await startMailServer()
const t = testApp({ MAIL_URL: mailUrl(smtp.port) })
// A second app instance over the same database, as another server would be.
const otherKnex = createKnex(t.config.database)
const other = buildServices(t.config, repositories(otherKnex))
beforeAll(() => setAsideEarlierMail(t))
const editions: Edition[] = []
afterAll(async () => {
  // Put things back on a shared PostgreSQL database: reminders off, no mail of ours left queued.
  for (const edition of editions)
    await t.repos.reminders.save(edition.id, { enabled: false }, new Date().toISOString())
  await setAsideEarlierMail(t)
  await otherKnex.destroy()
  await t.close()
  await smtp.close()
})

// A deadline far ahead, so the clocks below are this file's own: 30 June 2099 at 17:00 in Amsterdam.
const DEADLINE = '2099-06-30T15:00:00.000Z'
const at = (iso: string) => iso

/**
 * A survey year open for answers with reminder days, and three invited cities: one not started
 * (two officers, one never signed in, and a disabled one), one in progress, one submitted.
 */
async function surveyYearWithCities() {
  const edition = await buildEdition(t.repos, { status: 'open' })
  editions.push(edition)
  await t.repos.editions.update(edition.id, {
    closes_on: '2099-06-30',
    closes_time: '17:00',
    time_zone: 'Europe/Amsterdam',
    closes_at: DEADLINE,
  })
  const tag = Math.random().toString(36).slice(2, 7)
  const quiet = await buildCity(t.repos, { name: `Quietborough ${tag}`, region: `Remindregion ${tag}` })
  const busy = await buildCity(t.repos, { name: `Busyford ${tag}`, region: `Remindregion ${tag}` })
  const done = await buildCity(t.repos, { name: `Donecaster ${tag}`, region: `Remindregion ${tag}` })
  const quietOfficer = await buildUser(t.repos, { cityId: quiet.id, email: `quiet-${tag}@example.test` })
  const invitee = await buildUser(t.repos, { cityId: quiet.id, email: `invitee-${tag}@example.test` })
  await t.knex('users').where({ id: invitee.id }).update({ password_hash: null })
  const gone = await buildUser(t.repos, { cityId: quiet.id, email: `gone-${tag}@example.test` })
  await t.knex('users').where({ id: gone.id }).update({ disabled_at: new Date().toISOString() })
  const busyOfficer = await buildUser(t.repos, { cityId: busy.id, email: `busy-${tag}@example.test` })
  const doneOfficer = await buildUser(t.repos, { cityId: done.id, email: `done-${tag}@example.test` })
  await buildResponse(t.repos, {
    editionId: edition.id,
    cityId: busy.id,
    answers: new Map(),
    actorId: busyOfficer.id,
  })
  await buildResponse(t.repos, {
    editionId: edition.id,
    cityId: done.id,
    answers: simpleAnswers(edition.definition),
    status: 'submitted',
  })
  return {
    edition: (await t.repos.editions.findById(edition.id))!,
    tag,
    cities: { quiet, busy, done },
    ours: (email: string) => email.endsWith(`-${tag}@example.test`),
    expected: [quietOfficer.email, invitee.email, busyOfficer.email].sort(),
    officers: { quietOfficer, invitee, gone, busyOfficer, doneOfficer },
  }
}

/**
 * Delivers the outbox; the reminders of this survey year that reached the SMTP server, for our
 * officers. On a shared PostgreSQL database the survey year also reminds every other file's invited
 * cities: those reminders are set aside first, so only ours are sent (other files' mail is left alone).
 */
async function deliveredReminders(year: number, ours: (email: string) => boolean) {
  const queued = await t
    .knex('outbox')
    .where({ status: 'queued', kind: 'reminder' })
    .select('id', 'recipient')
  const others = queued.filter((row) => !ours(String(row.recipient))).map((row) => Number(row.id))
  for (let i = 0; i < others.length; i += 500)
    await t
      .knex('outbox')
      .whereIn('id', others.slice(i, i + 500))
      .update({ status: 'logged' })
  await senderOf(t).deliverDue()
  return smtp.received.filter((mail) => mail.subject.includes(`${year} response`) && ours(mail.to[0]))
}

describe('reminders before the deadline', () => {
  it('when days are set, then the preview lists the officers of cities that have not submitted, and the job sends exactly those, on the right days, once', async () => {
    const { edition, ours, expected, officers, cities } = await surveyYearWithCities()
    const { agent } = await adminAgent(t)
    const settings = `/admin/editions/${edition.year}`
    const bad = await postForm(agent, settings, `${settings}/reminders/days`, { reminderDays: '14, zero' })
    expect(bad.status).toBe(400)
    expect(decodeHtml(bad.text)).toContain(
      'Enter whole numbers of days from 1 to 365, separated by commas, like 14, 3',
    )
    expect(bad.text).toContain('value="14, zero"')
    const saved = await postForm(agent, settings, `${settings}/reminders/days`, { reminderDays: '3,14' })
    expect(saved.status).toBe(302)
    expect(decodeHtml((await agent.get(settings)).text)).toContain('value="14, 3"')

    const preview = decodeHtml((await agent.get(`${settings}/reminders`)).text)
    expect(preview).toContain('switched off')
    expect(preview).toContain('14 days before: 16 June 2099 at 17:00 (Europe/Amsterdam)')
    expect(preview).toContain('3 days before: 27 June 2099 at 17:00 (Europe/Amsterdam)')
    const listed = [...preview.matchAll(/<span class="cis-recipient">([^<]+)<\/span>/g)].map((m) => m[1])
    expect(listed.filter(ours).sort()).toEqual(expected)
    expect(preview).toContain(`${officers.invitee.email}</span>> (never signed in)`)
    expect(preview).not.toContain(cities.done.name)

    // Switched off, nothing is sent even on the day.
    expect(await t.services.review.reminders.sendDue(at('2099-06-16T15:00:00.000Z'))).toMatch(/^0 cities/)
    const on = await postForm(agent, `${settings}/reminders`, `${settings}/reminders/on`, {})
    expect(on.status).toBe(302)
    expect(await auditTypes(t, { subject: editionSubject(edition.year) })).toEqual(
      expect.arrayContaining(['reminder_days', 'reminders_on']),
    )

    // A minute before the 14-day mark: nothing. At it: one reminder per officer, from two instances at once.
    await t.services.review.reminders.sendDue(at('2099-06-16T14:59:00.000Z'))
    expect(await deliveredReminders(edition.year, ours)).toEqual([])
    await Promise.all([
      t.services.review.reminders.sendDue(at('2099-06-16T15:00:00.000Z')),
      other.review.reminders.sendDue(at('2099-06-16T15:00:00.000Z')),
    ])
    let received = await deliveredReminders(edition.year, ours)
    expect(received.map((mail) => mail.to[0]).sort()).toEqual(expected)
    const mail = received.find((m) => m.to[0] === officers.quietOfficer.email)!
    expect(mail.subject).toBe(
      `Reminder: ${cities.quiet.name}'s ${edition.year} response is due by 30 June 2099 at 17:00 (Europe/Amsterdam)`,
    )
    expect(mail.text).toContain('City Innovation Survey')
    const link = linkIn(mail.text, t.config.publicBaseUrl)
    expect(link).toBe(`/survey/${edition.year}`)
    const followed = await (await signedIn(t, officers.quietOfficer)).get(link)
    expect(followed.status).toBe(200)
    expect(decodeHtml(followed.text)).toContain(edition.title)
    expect(received.find((m) => m.to[0] === officers.invitee.email)!.text).toContain(
      'You have not yet created your password',
    )

    // A restarted server (a new runner over the same database) later that day sends nothing again.
    const clock = { now: Date.parse('2099-06-20T09:00:00.000Z') }
    const restarted = jobRunner({
      jobs: jobsRepository(otherKnex),
      definitions: [
        {
          name: `test.reminders-${edition.year}`,
          everyMs: 3_600_000,
          run: () => other.review.reminders.sendDue(new Date(clock.now).toISOString()),
        },
      ],
      logger: { info: () => undefined, warn: () => undefined },
      now: () => new Date(clock.now),
    })
    await restarted.ensure()
    await restarted.runDue()
    await t
      .knex('jobs')
      .where({ name: `test.reminders-${edition.year}` })
      .delete()
    received = await deliveredReminders(edition.year, ours)
    expect(received).toHaveLength(3)

    // The 3-day mark: the second reminder, once; the submitted city never.
    await t.services.review.reminders.sendDue(at('2099-06-27T15:00:00.000Z'))
    await t.services.review.reminders.sendDue(at('2099-06-28T15:00:00.000Z'))
    received = await deliveredReminders(edition.year, ours)
    expect(received).toHaveLength(6)
    expect(
      received.filter((m) => m.to[0] === officers.doneOfficer.email || m.to[0] === officers.gone.email),
    ).toEqual([])
    // After the deadline: nothing.
    await t.services.review.reminders.sendDue(at('2099-06-30T15:00:00.000Z'))
    expect(await deliveredReminders(edition.year, ours)).toHaveLength(6)
    const sent = await t
      .knex('reminders_sent')
      .where({ edition_id: edition.id })
      .whereIn('city_id', [cities.quiet.id, cities.busy.id, cities.done.id])
    expect(sent.map((r) => [r.city_id, r.days_before]).sort()).toEqual(
      [
        [cities.quiet.id, 14],
        [cities.busy.id, 14],
        [cities.quiet.id, 3],
        [cities.busy.id, 3],
      ].sort(),
    )
  }, 120_000)

  it('when an administrator sends reminders from the progress page, then the chosen cities that have not submitted get one each, the others are skipped, and it is audited', async () => {
    const { edition, ours, officers, cities } = await surveyYearWithCities()
    const { agent, admin } = await adminAgent(t)
    const progress = `/admin/editions/${edition.year}/progress`
    const mine = `${progress}?region=${encodeURIComponent(cities.quiet.region)}`
    const page = decodeHtml((await agent.get(mine)).text)
    expect(page).toContain('Every city invited to this survey year is listed')
    expect(page).toContain(`id="remind-${cities.quiet.id}"`)
    expect(page).toContain(`id="remind-${cities.busy.id}"`)
    expect(page).not.toContain(`id="remind-${cities.done.id}"`)
    expect(page).toContain('30 June 2099 at 17:00 (Europe/Amsterdam)')

    const token = await csrfToken(agent, progress)
    const unauthenticated = await request(t.app).post(`${progress.replace('/progress', '/reminders/send')}`)
    expect(unauthenticated.status).toBe(403)
    const bulk = await agent
      .post(`/admin/editions/${edition.year}/reminders/send`)
      .type('form')
      .send(
        `_csrf=${encodeURIComponent(token)}&cityIds=${cities.quiet.id}&cityIds=${cities.done.id}&returnTo=${encodeURIComponent(mine)}`,
      )
    expect(bulk.status).toBe(302)
    expect(bulk.headers.location).toBe(mine)
    const flash = decodeHtml((await agent.get(bulk.headers.location)).text)
    expect(flash).toContain(`Reminder sent to ${cities.quiet.name} (2 messages). 1 skipped`)
    expect(flash).toMatch(/Last sent/)
    let received = await deliveredReminders(edition.year, ours)
    expect(received.map((m) => m.to[0]).sort()).toEqual(
      [officers.quietOfficer.email, officers.invitee.email].sort(),
    )

    // One city's own button sends to that city only, even with other boxes ticked.
    const one = await agent
      .post(`/admin/editions/${edition.year}/reminders/send`)
      .type('form')
      .send(`_csrf=${encodeURIComponent(token)}&cityIds=${cities.quiet.id}&only=${cities.busy.id}`)
    expect(one.status).toBe(302)
    received = await deliveredReminders(edition.year, ours)
    expect(received.map((m) => m.to[0]).sort()).toEqual(
      [officers.quietOfficer.email, officers.invitee.email, officers.busyOfficer.email].sort(),
    )
    const audit = await t.knex('audit_log').where({ actor_id: admin.id, type: 'reminder_sent' }).orderBy('id')
    expect(audit.map((a) => JSON.parse(a.detail).cities.map((c: { name: string }) => c.name))).toEqual([
      [cities.quiet.name],
      [cities.busy.name],
    ])
    const csv = await agent.get(mine.replace('/progress', '/progress.csv'))
    const header = csv.text.replace(/^\ufeff/, '').split('\r\n')[0]
    expect(header).toContain('Deadline,Last reminder (UTC)')
    const busyLine = csv.text.split('\r\n').find((line) => line.startsWith(cities.busy.name))!
    expect(busyLine).toMatch(/30 June 2099 at 17:00 \(Europe\/Amsterdam\),\d{4}-\d\d-\d\dT/)
  })
})
