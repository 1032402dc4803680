import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { adminAgent } from '../support/accountsFactories'
import { decodeHtml } from '../support/collectionFactories'
import { csrfToken } from '../support/http'
import { createKnex } from '../../src/db/knex'
import { repositories, type Repositories } from '../../src/wiring/repositories'
import { profileService } from '../../src/profiles/profileService'
import { regenerationJobName } from '../../src/jobs/jobCatalogue'
import { jobRunner } from '../../src/jobs/jobRunner'
import { appJobFamilies } from '../../src/jobs/appJobs'

const t = testApp()
// A second process over the same database: its own connections, its own runner.
const otherKnex = createKnex(t.config.database)
afterAll(async () => {
  await otherKnex.destroy()
  await t.close()
})

const JOB = regenerationJobName(2020)
const editionId = async (year: number) => (await t.repos.editions.findByYear(year))!.id
const snapshotCount = async (id: number) =>
  Number((await t.knex('profile_snapshots').where({ edition_id: id, locale: 'en' }).count({ n: '*' }))[0].n)
const iso = (ms: number) => new Date(ms).toISOString()
const quiet = { info: () => undefined, warn: () => undefined }

describe('regeneration across processes', () => {
  it('when two processes regenerate one edition at once, then the second waits for the first and both finish with one snapshot per city', async () => {
    const id = await editionId(2020)
    let waits = 0
    // Whichever claims the job first, the other waits.
    const first = profileService(t.repos, 5, undefined, () => (waits += 1))
    const second = profileService(repositories(otherKnex), 5, undefined, () => (waits += 1))
    const [a, b] = await Promise.all([first.regenerateEdition(id), second.regenerateEdition(id)])
    expect(a.profiles).toBeGreaterThan(0)
    expect(b.profiles).toBe(a.profiles)
    expect(await snapshotCount(id)).toBe(a.profiles)
    expect(waits).toBe(1)
    const row = (await t.repos.jobs.find(JOB))!
    expect(row).toMatchObject({ claimedBy: null, lockedUntil: null, lastOutcome: 'ok', attempts: 0 })
    expect(row.requestsDone).toBe(row.requests)
    expect(row.lastResult).toMatch(
      new RegExp(`^${a.profiles} profiles compared with ${a.basisSize} cities in \\d+ ms$`),
    )
  })

  it('when requests come while another runner holds the job, then they make one run after it, not one each', async () => {
    const id = await editionId(2020)
    // Runs are counted where they write, in either process.
    let runs = 0
    const counted = (repos: Repositories): Repositories => ({
      ...repos,
      profiles: {
        ...repos.profiles,
        replaceEdition: (...args) => ((runs += 1), repos.profiles.replaceEdition(...args)),
      },
    })
    const service = profileService(counted(t.repos), 5)
    const elsewhere = profileService(counted(repositories(otherKnex)), 5)
    // Another instance is running it: its claim is held for a minute.
    const asked = await t.repos.jobs.request(JOB, iso(Date.now()))
    const held = await t.repos.jobs.claimDue(
      { pendingNames: [JOB] },
      'elsewhere:1:run',
      iso(Date.now()),
      iso(Date.now() + 60_000),
    )
    expect(held?.name).toBe(JOB)
    const waiting = [
      service.regenerateEdition(id),
      service.regenerateEdition(id),
      elsewhere.regenerateEdition(id),
    ]
    while ((await t.repos.jobs.find(JOB))!.requests < asked + 3)
      await new Promise((resolve) => setTimeout(resolve, 20))
    expect(runs).toBe(0)
    // The other instance finishes the run it claimed (it covered the first request only).
    await t.repos.jobs.finish(JOB, 'elsewhere:1:run', {
      startedAt: iso(Date.now()),
      finishedAt: iso(Date.now()),
      durationMs: 1,
      ok: true,
      result: 'done elsewhere',
      error: null,
      nextRunAt: iso(Date.now()),
      attempts: 0,
    })
    const results = await Promise.all(waiting)
    expect((await t.repos.jobs.find(JOB))!.requestsDone).toBe(asked + 3)
    // One more run served the three requests made meanwhile: here or in the other process.
    expect(runs).toBe(1)
    expect(results.map((result) => result.profiles)).toEqual([
      results[0].profiles,
      results[0].profiles,
      results[0].profiles,
    ])
    expect(results[0].profiles).toBe(await snapshotCount(id))
  })

  it('when the process holding the job died, then its lease runs out and the next regeneration takes it over', async () => {
    const id = await editionId(2020)
    const now = Date.now()
    await t.repos.jobs.request(JOB, iso(now))
    // A process that died: it claimed the job with a lease that has run out since.
    expect(
      await t.repos.jobs.claimDue({ pendingNames: [JOB] }, 'a process that died', iso(now), iso(now + 1)),
    ).toBeDefined()
    await new Promise((resolve) => setTimeout(resolve, 5))
    const result = await profileService(t.repos, 5).regenerateEdition(id)
    expect(await snapshotCount(id)).toBe(result.profiles)
    expect((await t.repos.jobs.find(JOB))!.claimedBy).toBeNull()
  })

  it("when a regeneration fails, then the caller hears why, /admin/jobs shows it, and the server's runner retries it after 10 s", async () => {
    const id = await editionId(2020)
    const failing = profileService(
      {
        ...t.repos,
        profiles: {
          ...t.repos.profiles,
          replaceEdition: () => Promise.reject(new Error('The disk is <full>')),
        },
      },
      5,
    )
    await expect(failing.regenerateEdition(id)).rejects.toThrow(
      `${JOB} failed: The disk is <full> (it will be retried)`,
    )
    const row = (await t.repos.jobs.find(JOB))!
    expect(row).toMatchObject({ lastOutcome: 'failed', attempts: 1, claimedBy: null })
    expect(row.requests).toBe(row.requestsDone + 1)

    const { agent } = await adminAgent(t)
    const page = await agent.get('/admin/jobs')
    const jobRow = /<tr class="govuk-table__row" id="job-profiles-regenerate-2020">[\s\S]*?<\/tr>/.exec(
      page.text,
    )![0]
    expect(decodeHtml(jobRow)).toContain('Regenerate the 2020 profiles')
    expect(jobRow).toContain('The disk is &lt;full&gt;')
    expect(jobRow).toContain('1 failed attempt in a row')
    expect(decodeHtml(jobRow)).toContain('Retrying')

    // The server's runner (as server.ts builds it) leaves it until its backoff is over, then runs it.
    const failedAt = Date.parse(row.lastFinishedAt!)
    const clock = { now: failedAt + 9_000 }
    const runner = jobRunner({
      jobs: t.repos.jobs,
      definitions: [],
      families: appJobFamilies(t.services.profiles),
      logger: quiet,
      now: () => new Date(clock.now),
    })
    expect(await runner.runDue()).toEqual([])
    clock.now = failedAt + 10_001
    expect(await runner.runDue()).toEqual([JOB])
    const retried = (await t.repos.jobs.find(JOB))!
    expect(retried).toMatchObject({ lastOutcome: 'ok', attempts: 0, lastError: null })
    expect(retried.requestsDone).toBe(retried.requests)
    expect(await snapshotCount(id)).toBeGreaterThan(0)

    // "Run now" asks for it once more; a year never regenerated is no job to run.
    const token = await csrfToken(agent, '/admin/jobs')
    expect((await agent.post(`/admin/jobs/${JOB}/run`).type('form').send({ _csrf: token })).status).toBe(302)
    expect((await t.repos.jobs.find(JOB))!.requests).toBe(retried.requests + 1)
    expect(decodeHtml((await agent.get('/admin/jobs')).text)).toContain(
      '“Regenerate the 2020 profiles” will run within a few seconds.',
    )
    const unknown = await agent
      .post('/admin/jobs/profiles.regenerate:1800/run')
      .type('form')
      .send({ _csrf: token })
    expect(unknown.status).toBe(404)
    expect(await t.repos.jobs.find('profiles.regenerate:1800')).toBeUndefined()
    clock.now = Date.now() + 1_000
    expect(await runner.runDue()).toContain(JOB)
    expect((await t.repos.jobs.find(JOB))!.requestsDone).toBe(retried.requests + 1)
  })

  it('when a statement fails, then its error says what the database said, without the statement or its values', async () => {
    const [{ id: _id, ...city }] = await t.knex('cities').orderBy('id').limit(1)
    const error = (await t
      .knex('cities')
      .insert({ ...city, name: 'A value that must not reach the logs' })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )) as Error & { code?: string }
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toMatch(/unique/i)
    expect(error.message).not.toMatch(/insert into/i)
    expect(error.message).not.toContain('must not reach the logs')
    expect(error.stack).not.toContain('must not reach the logs')
    expect(error.code).toBeTruthy()
  })
})
