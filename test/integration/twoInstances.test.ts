import os from 'node:os'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { csrfToken, signIn, type Agent } from '../support/http'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'
import { LIMIT, expectOneLimitAcross, listen, secondInstance } from '../support/sharedLimit'
import type { ServerProcess } from '../support/serverProcess'
import { databaseStores } from '../../src/rateLimit/rateLimitStores'
import { createKnex } from '../../src/db/knex'
import { repositories } from '../../src/wiring/repositories'
import { services } from '../../src/wiring/services'
import { jobRunner } from '../../src/jobs/jobRunner'
import { appJobFamilies } from '../../src/jobs/appJobs'
import { regenerationJobName } from '../../src/jobs/jobCatalogue'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'

// Two instances of the app over one database, as a deployment behind a load balancer runs them:
// this file's app (listening on 127.0.0.1) and `src/server.ts` in a process of its own, with its
// job runner. The rate limiter counts under the server's names, so both share the sign-in counts.
// On PostgreSQL (npm run test:pg, as CI runs it) the instance stopped mid-regeneration is that
// process, killed; on SQLite, whose one writer cannot be held back for just one process, it is a
// second instance in this process whose connections are closed mid-run (see the last test).
const t = testApp({ LOGIN_RATE_PER_MINUTE: String(LIMIT) }, { rateLimits: (knex) => databaseStores(knex) })
const postgres = t.config.database.client === 'pg'
let first: Awaited<ReturnType<typeof listen>>
let second: ServerProcess
const here = `${os.hostname()}:${process.pid}:`

beforeAll(async () => {
  await t.knex('rate_limit_hits').delete()
  first = await listen(t)
  second = await secondInstance(t)
})
afterAll(async () => {
  await second?.stop()
  await first?.close()
  await t.knex('rate_limit_hits').delete()
  await t.close()
})

const yes: AnswerValue = { type: 'yesno', choice: 'yes' }
const no: AnswerValue = { type: 'yesno', choice: 'no' }

/** A response of a new city to `edition`, its formal-strategy answer given. */
async function response(edition: Edition, formal: AnswerValue, status: 'approved' | 'submitted') {
  const city = await buildCity(t.repos)
  const answers = simpleAnswers(edition.definition, new Map([['strategy.formal', formal]]))
  return buildResponse(t.repos, { editionId: edition.id, cityId: city.id, answers, status })
}

/** The stored aggregate: its hash, basis size and "formal strategy: yes" count; and the snapshots' cities. */
async function published(editionId: number) {
  const english = { edition_id: editionId, locale: 'en' }
  const aggregate = await t.knex('edition_aggregates').where(english).first()
  const content = JSON.parse(aggregate.content)
  const snapshots = await t.knex('profile_snapshots').where(english)
  return {
    hash: String(aggregate.content_hash),
    basisSize: Number(content.basis.size),
    strategyYes: Number(content.questions['strategy.formal']?.counts.yes ?? 0),
    cities: snapshots.map((row) => Number(row.city_id)).sort((a, b) => a - b),
  }
}

async function adminOn(baseUrl: string, admin: { email: string; password: string }): Promise<Agent> {
  const agent = request.agent(baseUrl)
  expect((await signIn(agent, admin.email, admin.password)).status).toBe(302)
  return agent
}

/** Approves with the session's CSRF token (taken once: parallel page loads would race to save the session). */
function approve(agent: Agent, token: string, responseId: number, version: number) {
  return agent.post(`/admin/responses/${responseId}/approve`).type('form').send({ _csrf: token, version })
}

/** The server's runner as server.ts builds it, over this file's app, on a clock the test sets. */
function survivorRunner(clock: { now: number }) {
  return jobRunner({
    jobs: t.repos.jobs,
    definitions: [],
    families: appJobFamilies(t.services.profiles),
    logger: { info: () => undefined, warn: () => undefined },
    now: () => new Date(clock.now),
  })
}

describe('two app instances over one database', () => {
  it('when approvals go to both instances at once, then one regeneration runs at a time and the final shares count every approval', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    for (const formal of [yes, no, no, no, no]) await response(edition, formal, 'approved')
    const pending = []
    for (const formal of [yes, yes, no, yes, no, yes])
      pending.push(await response(edition, formal, 'submitted'))
    const admin = await buildUser(t.repos, { role: 'admin' })
    const agents = [await adminOn(first.baseUrl, admin), await adminOn(second.baseUrl, admin)]
    const tokens = [
      await csrfToken(agents[0], `/admin/responses/${pending[0].id}`),
      await csrfToken(agents[1], `/admin/responses/${pending[1].id}`),
    ]

    // This instance's regenerations are slowed, so the other's approvals arrive while one runs.
    // Each run here checks that, for all its writing, the job is held by this instance's claim and
    // nobody else wrote the edition's profiles (which of the two runs each regeneration is theirs).
    const checks: boolean[] = []
    const replaceEdition = t.repos.profiles.replaceEdition
    const job = regenerationJobName(edition.year)
    const heldHere = async () => {
      const row = (await t.repos.jobs.find(job))!
      return Boolean(row.claimedBy?.startsWith(here) && row.lockedUntil! > new Date().toISOString())
    }
    const written = async () =>
      String(
        (await t.knex('profile_snapshots').where({ edition_id: edition.id }).max({ at: 'generated_at' }))[0]
          .at,
      )
    t.repos.profiles.replaceEdition = async (...args) => {
      const before = await written()
      checks.push(await heldHere())
      await new Promise((resolve) => setTimeout(resolve, 150))
      checks.push((await written()) === before)
      try {
        return await replaceEdition(...args)
      } finally {
        checks.push(await heldHere())
      }
    }
    let approvals
    try {
      approvals = await Promise.all(
        pending.map((one, index) => approve(agents[index % 2], tokens[index % 2], one.id, one.version)),
      )
    } finally {
      t.repos.profiles.replaceEdition = replaceEdition
    }
    expect(approvals.map((approval) => approval.status)).toEqual([302, 302, 302, 302, 302, 302])
    for (const one of pending) expect((await t.repos.responses.findById(one.id))!.status).toBe('approved')

    // Every approval returned after a regeneration that counted it: 11 cities, 5 with a formal strategy.
    const after = await published(edition.id)
    expect(after.basisSize).toBe(11)
    expect(after.strategyYes).toBe(5)
    expect(after.cities).toHaveLength(11)
    expect(after.cities).toEqual(expect.arrayContaining(pending.map((one) => one.cityId)))
    expect(checks.every(Boolean)).toBe(true)
    const row = (await t.repos.jobs.find(job))!
    expect(row).toMatchObject({ claimedBy: null, lastOutcome: 'ok', attempts: 0 })
    expect(row.requestsDone).toBe(row.requests)
    // Fewer runs than requests is allowed (coalesced), never a stale end: regenerating again changes nothing.
    await t.services.profiles.regeneration.regenerateEdition(edition.id)
    expect((await published(edition.id)).hash).toBe(after.hash)
    expect(second.output()).not.toMatch(/duplicate|failed|error/i)
  }, 90_000)

  it('when sign-ins from one address go to both instances, then the limit counts them together', async () => {
    await t.knex('rate_limit_hits').delete()
    await expectOneLimitAcross(t, first.baseUrl, second.baseUrl)
    const rows = await t.knex('rate_limit_hits').where('client_key', 'like', 'login:%')
    expect(rows.map((row) => Number(row.hits))).toEqual([LIMIT + 2])
  })

  it('when the instance running a regeneration is stopped, then the other runs it once the lease has run out, not before', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    for (const formal of [yes, no, no, no, no]) await response(edition, formal, 'approved')
    const last = await response(edition, yes, 'submitted')
    const job = regenerationJobName(edition.year)
    const stopped = postgres
      ? await stopSecondMidRun(last.id, last.version, job)
      : await stopInProcessMidRun(edition, job)
    const row = (await t.repos.jobs.find(job))!
    expect(row.claimedBy).toBe(stopped)
    expect(row.requests).toBeGreaterThan(row.requestsDone)
    const leaseEnds = Date.parse(row.lockedUntil!)
    expect(leaseEnds).toBeGreaterThan(Date.now())

    const clock = { now: Date.now() }
    const survivor = survivorRunner(clock)
    expect(await survivor.runDue()).not.toContain(job)
    clock.now = leaseEnds + 1
    expect(await survivor.runDue()).toContain(job)
    const done = (await t.repos.jobs.find(job))!
    expect(done).toMatchObject({ claimedBy: null, lastOutcome: 'ok', attempts: 0 })
    expect(done.requestsDone).toBe(done.requests)
    const after = await published(edition.id)
    expect(after.basisSize).toBe(6)
    expect(after.strategyYes).toBe(2)
    expect(after.cities).toContain(last.cityId)
  }, 90_000)
})

/**
 * PostgreSQL: the other process approves, claims the regeneration and is held at its first write
 * (this test locks the snapshots table); then it is killed. Returns the claim it left behind.
 */
async function stopSecondMidRun(responseId: number, version: number, job: string): Promise<string> {
  const admin = await buildUser(t.repos, { role: 'admin' })
  await t.knex('rate_limit_hits').delete()
  const agent = await adminOn(second.baseUrl, admin)
  const token = await csrfToken(agent, `/admin/responses/${responseId}`)
  const lock = await t.knex.transaction()
  try {
    await lock.raw('LOCK TABLE profile_snapshots IN ACCESS EXCLUSIVE MODE')
    const approval = agent
      .post(`/admin/responses/${responseId}/approve`)
      .type('form')
      .send({ _csrf: token, version })
      .then(
        () => 'answered',
        () => 'cut off',
      )
    const claim = await waitForClaim(job, `:${second.pid}:`)
    await second.stop('SIGKILL')
    expect(await approval).toBe('cut off')
    return claim
  } finally {
    await lock.rollback()
  }
}

/**
 * SQLite: a second instance in this process (its own connections and services; the other
 * process is stopped first) is asked to regenerate after an approval; it claims the job and is
 * held at its first write, and then its connections are closed, as when an instance stops: its
 * write and its record of the run fail.
 */
async function stopInProcessMidRun(edition: Edition, job: string): Promise<string> {
  // The other process's runner would race this instance for the job: its part is done.
  await second.stop('SIGKILL')
  const knex = createKnex(t.config.database)
  const repos = repositories(knex)
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let arrive: () => void = () => undefined
  const atWrite = new Promise<void>((resolve) => (arrive = resolve))
  const replaceEdition = repos.profiles.replaceEdition
  repos.profiles.replaceEdition = async (...args) => {
    arrive()
    await held
    return replaceEdition(...args)
  }
  const other = services(t.config, repos)
  const pendingResponse = (await t
    .knex('responses')
    .where({ edition_id: edition.id, status: 'submitted' })
    .first())!
  await t
    .knex('responses')
    .where({ id: pendingResponse.id })
    .update({ status: 'approved', approved_at: new Date().toISOString() })
  const run = other.profiles.regeneration.regenerateEdition(edition.id).then(
    () => 'finished',
    () => 'failed',
  )
  const claim = await waitForClaim(job, '')
  // Closed only once held at its write: closing while a read of the run waits for the connection
  // would hold the close until that wait times out (a minute), past the lease.
  await atWrite
  await knex.destroy()
  release()
  expect(await run).toBe('failed')
  return claim
}

/** Waits until `job` is claimed by a holder whose name contains `by`; returns the claim. */
async function waitForClaim(job: string, by: string): Promise<string> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const row = await t.repos.jobs.find(job)
    if (row?.claimedBy?.includes(by)) return row.claimedBy
    if (Date.now() > deadline) throw new Error(`${job} was not claimed (${row?.claimedBy ?? 'no claim'})`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
