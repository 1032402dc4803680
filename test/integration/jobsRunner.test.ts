import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { logLines } from '../support/mailServer'
import { adminAgent } from '../support/accountsFactories'
import { csrfToken } from '../support/http'
import { decodeHtml } from '../support/collectionFactories'
import { createKnex } from '../../src/db/knex'
import { jobsRepository, type JobsRepository } from '../../src/jobs/jobsRepository'
import { jobRunner, type JobDefinition } from '../../src/jobs/jobRunner'

const t = testApp()
// A second app instance: its own knex (its own connections) over the same database.
const otherKnex = createKnex(t.config.database)
const made: string[] = []
afterAll(async () => {
  // Put things back on a shared PostgreSQL database: the jobs this file made or ran.
  await t.knex('jobs').whereIn('name', made).delete()
  await otherKnex.destroy()
  await t.close()
})

const START = Date.parse('2031-03-01T09:00:00.000Z')
const uniqueName = (what: string) => {
  const name = `test.${what}-${Math.random().toString(36).slice(2, 8)}`
  made.push(name)
  return name
}

/** A runner over `jobs` whose clock the test moves. */
function runnerWith(
  jobs: JobsRepository,
  definitions: JobDefinition[],
  clock: { now: number },
  instance: string,
) {
  return jobRunner({
    jobs,
    definitions,
    logger: logLines(),
    now: () => new Date(clock.now),
    leaseMs: 60_000,
    instance,
  })
}

describe('jobs that run once across instances and survive their runner', () => {
  it('when two runners over one database look for due jobs at once, then each due job runs exactly once', async () => {
    const runs = new Map<string, number>()
    const definitions = ['a', 'b', 'c', 'd'].map((what) => {
      const name = uniqueName(what)
      return {
        name,
        everyMs: 60_000,
        run: async () => {
          runs.set(name, (runs.get(name) ?? 0) + 1)
          await new Promise((resolve) => setTimeout(resolve, 20))
        },
      }
    })
    const clock = { now: START }
    const one = runnerWith(t.repos.jobs, definitions, clock, 'one')
    const two = runnerWith(jobsRepository(otherKnex), definitions, clock, 'two')
    await one.ensure()
    await two.ensure()
    const [ranByOne, ranByTwo] = await Promise.all([one.runDue(), two.runDue()])
    expect([...ranByOne, ...ranByTwo].sort()).toEqual(definitions.map((d) => d.name).sort())
    expect([...runs.values()]).toEqual([1, 1, 1, 1])

    // Not due again until a minute after each finished; then once more each.
    clock.now = START + 30_000
    expect([...(await one.runDue()), ...(await two.runDue())]).toEqual([])
    clock.now = START + 61_000
    await Promise.all([one.runDue(), two.runDue()])
    expect([...runs.values()]).toEqual([2, 2, 2, 2])
  })

  it('when a runner dies holding a job (lease taken, never finished), then another runs it once the lease has run out, not before', async () => {
    let ran = 0
    const name = uniqueName('orphan')
    const definitions = [{ name, everyMs: 3_600_000, run: async () => void (ran += 1) }]
    const clock = { now: START }
    await t.repos.jobs.ensure(definitions, new Date(START).toISOString())
    // The dead runner: it claimed the job for a minute and then vanished.
    const claimed = await t.repos.jobs.claimDue(
      { names: [name] },
      'dead-host:1:claim',
      new Date(START).toISOString(),
      new Date(START + 60_000).toISOString(),
    )
    expect(claimed?.name).toBe(name)

    const survivor = runnerWith(jobsRepository(otherKnex), definitions, clock, 'survivor')
    clock.now = START + 59_000
    expect(await survivor.runDue()).toEqual([])
    expect(ran).toBe(0)
    clock.now = START + 60_001
    expect(await survivor.runDue()).toEqual([name])
    expect(ran).toBe(1)
    const row = (await t.repos.jobs.find(name))!
    expect(row).toMatchObject({ claimedBy: null, lockedUntil: null, lastOutcome: 'ok', attempts: 0 })
    expect(row.nextRunAt).toBe(new Date(START + 60_001 + 3_600_000).toISOString())
    // The dead runner, were it to come back, can no longer settle the job.
    await t.repos.jobs.finish(name, 'dead-host:1:claim', {
      startedAt: '',
      finishedAt: '',
      durationMs: 0,
      ok: false,
      result: null,
      error: 'late',
      nextRunAt: new Date(START).toISOString(),
      attempts: 9,
    })
    expect((await t.repos.jobs.find(name))!.lastError).toBeNull()
  })

  it('when a job fails, then it is retried after 10 s, then 20 s, its error and attempts are shown on /admin/jobs, and a success resets them', async () => {
    let failing = true
    // A job of the catalogue, so /admin/jobs shows it; its work here is the test's.
    const name = 'reminders.send'
    made.push(name)
    await t.knex('jobs').where({ name }).delete()
    const definitions = [
      {
        name,
        everyMs: 3_600_000,
        run: async () => {
          if (failing) throw new Error('The relay said <no>')
          return '2 cities reminded (3 messages)'
        },
      },
    ]
    const clock = { now: START }
    const runner = runnerWith(t.repos.jobs, definitions, clock, 'retrying')
    await runner.ensure()
    expect(await runner.runDue()).toEqual([name])
    let row = (await t.repos.jobs.find(name))!
    expect(row).toMatchObject({ attempts: 1, lastOutcome: 'failed', lastError: 'The relay said <no>' })
    expect(row.nextRunAt).toBe(new Date(START + 10_000).toISOString())

    clock.now = START + 9_999
    expect(await runner.runDue()).toEqual([])
    clock.now = START + 10_000
    expect(await runner.runDue()).toEqual([name])
    row = (await t.repos.jobs.find(name))!
    expect(row.attempts).toBe(2)
    expect(row.nextRunAt).toBe(new Date(START + 30_000).toISOString())

    const { agent } = await adminAgent(t)
    const page = await agent.get('/admin/jobs')
    expect(page.status).toBe(200)
    const html = decodeHtml(page.text)
    const jobRow = /<tr class="govuk-table__row" id="job-reminders-send">[\s\S]*?<\/tr>/.exec(page.text)![0]
    expect(jobRow).toContain('Failed')
    expect(jobRow).toContain('The relay said &lt;no&gt;')
    expect(jobRow).toContain('2 failed attempts in a row')
    expect(jobRow).toContain('every hour')
    expect(html).toContain('Send the outbox')
    expect(html).toContain('every 5 seconds')
    expect(html).toContain('href="/admin/jobs" aria-current="page"')

    failing = false
    clock.now = START + 30_000
    expect(await runner.runDue()).toEqual([name])
    row = (await t.repos.jobs.find(name))!
    expect(row).toMatchObject({
      attempts: 0,
      lastOutcome: 'ok',
      lastError: null,
      lastResult: '2 cities reminded (3 messages)',
    })
    expect(row.nextRunAt).toBe(new Date(START + 30_000 + 3_600_000).toISOString())
  })

  it('when an administrator presses "Run now", then the job is due at once and the press is audited; without the CSRF token it is refused', async () => {
    const name = 'editions.close-due'
    made.push(name)
    await t.knex('jobs').where({ name }).delete()
    await t.repos.jobs.ensure([{ name, everyMs: 60_000 }], '2099-01-01T00:00:00.000Z')
    const { agent, admin } = await adminAgent(t)
    expect((await agent.post(`/admin/jobs/${name}/run`).type('form').send({})).status).toBe(403)
    const token = await csrfToken(agent, '/admin/jobs')
    const before = Date.now()
    const pressed = await agent.post(`/admin/jobs/${name}/run`).type('form').send({ _csrf: token })
    expect(pressed.status).toBe(302)
    expect(Date.parse((await t.repos.jobs.find(name))!.nextRunAt)).toBeLessThanOrEqual(Date.now())
    expect(Date.parse((await t.repos.jobs.find(name))!.nextRunAt)).toBeGreaterThanOrEqual(before)
    const audit = await t.knex('audit_log').where({ actor_id: admin.id, type: 'job_run_now' })
    expect(audit.map((a) => a.subject)).toEqual([`job:${name}`])
    const followed = decodeHtml((await agent.get('/admin/jobs')).text)
    expect(followed).toContain('“Close survey years at their deadline” will run within a few seconds.')
    expect((await agent.post('/admin/jobs/no.such-job/run').type('form').send({ _csrf: token })).status).toBe(
      404,
    )
  })
})
