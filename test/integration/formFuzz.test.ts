import { afterAll, describe, expect, inject, it } from 'vitest'
import { testApp } from '../support/testApp'
import { buildUser } from '../support/factories'
import { buildOfficer } from '../support/collectionFactories'
import { csrfFrom, signedInAgent, type Agent } from '../support/http'
import { crawlForms, type FoundForm } from '../support/formCrawler'
import { mulberry32, pick } from '../../src/cli/demo/prng'

const t = testApp({ LOGIN_RATE_PER_MINUTE: '100000' })
afterAll(() => t.close())

const SEED = 20261203
const BODIES_PER_FORM = 30

/** Forms that end the fuzzing agent's own session or sign-in; each has tests of its own. */
const leftOut = /^\/(logout|account\/password)$/

/** Values that have broken form handlers elsewhere: empty, huge, odd numbers and dates, markup, SQL, bad Unicode. */
const nasty = [
  '',
  ' ',
  'x'.repeat(20_000),
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '-1',
  '1e309',
  'NaN',
  '0x1F',
  '９９',
  '2026-02-30',
  '\u0000',
  '\ud800',
  '=HYPERLINK("http://x")',
  '999999999999999999999',
  '../../etc/passwd',
]

/** Field-name changes that turn a value into an array or an object, or reach for prototypes. */
const nameTwists = [
  (n: string) => `${n}[]`,
  (n: string) => `${n}[x]`,
  () => '__proto__[x]',
  () => 'constructor[prototype][x]',
]

/** One fuzzed body for a form: its own fields, some changed, dropped, doubled or renamed, plus strays. */
function fuzzedBody(form: FoundForm, rng: () => number, csrf: string): string {
  const params = new URLSearchParams()
  const choices = [...form.choices.entries()]
  const fields = form.fields.filter(([name]) => name !== '_csrf')
  for (const [name, value] of fields) {
    const roll = rng()
    if (roll < 0.15) continue
    if (roll < 0.4) params.append(name, pick(rng, nasty))
    else if (roll < 0.5) params.append(pick(rng, nameTwists)(name), pick(rng, nasty))
    else if (roll < 0.55) [value, pick(rng, nasty)].forEach((v) => params.append(name, v))
    else params.append(name, value)
  }
  for (const [name, values] of choices)
    if (rng() < 0.7) params.append(name, rng() < 0.8 ? pick(rng, values) : pick(rng, nasty))
  if (rng() < 0.3) params.append(`stray${Math.floor(rng() * 100)}`, pick(rng, nasty))
  params.append('_csrf', csrf)
  return params.toString()
}

/** Everything the forms can change but sessions and the audit trail (which record refusals too). */
async function databaseFingerprint(): Promise<string> {
  const [row] = await t.knex
    .select(
      t.knex.raw(`(select count(*) from answers) as a1`),
      t.knex.raw(`(select max(updated_at) from answers) as a2`),
      t.knex.raw(`(select count(*) from responses) as r1`),
      t.knex.raw(`(select sum(version) from responses) as r2`),
      t.knex.raw(`(select max(updated_at) from responses) as r3`),
      t.knex.raw(`(select count(*) from editions) as e1`),
      t.knex.raw(`(select max(updated_at) from editions) as e2`),
      t.knex.raw(`(select count(*) from users) as u1`),
      t.knex.raw(`(select count(disabled_at) from users) as u2`),
      t.knex.raw(`(select max(password_changed_at) from users) as u3`),
      t.knex.raw(`(select count(*) from cities) as c1`),
      t.knex.raw(`(select sum(length(name) + length(country) + length(region)) from cities) as c2`),
      t.knex.raw(`(select count(*) from review_comments) as rc1`),
      t.knex.raw(`(select count(resolved_at) from review_comments) as rc2`),
      t.knex.raw(`(select count(*) from city_requests) as cr1`),
      t.knex.raw(`(select count(decided_at) from city_requests) as cr2`),
      t.knex.raw(`(select count(*) from password_tokens) as p1`),
      t.knex.raw(`(select count(*) from definition_changes) as d1`),
      t.knex.raw(`(select count(*) from data_releases) as dr1`),
      t.knex.raw(`(select count(*) from response_events) as ev1`),
    )
    .from(t.knex.raw('(select 1) as one'))
  return JSON.stringify(row)
}

/** Forms of the same route (e.g. "move" on each of 100 questions) are sampled: two of each. */
function oneOrTwoPerRoute(forms: FoundForm[]): FoundForm[] {
  const taken = new Map<string, number>()
  return forms.filter((form) => {
    const segments = form.action.split('?')[0].split('/')
    const route = `${segments.slice(1, 3).join('/')}…${segments.at(-1)}|${segments.length}`
    taken.set(route, (taken.get(route) ?? 0) + 1)
    return taken.get(route)! <= 2
  })
}

async function fuzz(agent: Agent, forms: FoundForm[], label: string) {
  const rng = mulberry32(SEED)
  const problems: string[] = []
  let sent = 0
  for (const form of oneOrTwoPerRoute(forms.filter((f) => !leftOut.test(f.action)))) {
    const csrf = csrfFrom((await agent.get(form.page)).text)
    for (let i = 0; i < BODIES_PER_FORM; i++) {
      const body = fuzzedBody(form, rng, csrf)
      const before = await databaseFingerprint()
      let response: { status: number }
      try {
        response = await agent.post(form.action).type('form').send(body)
      } catch (error) {
        problems.push(`${(error as Error).message}: ${form.action} ${body.slice(0, 300)}`)
        continue
      } finally {
        sent++
      }
      if (response.status >= 500) problems.push(`${response.status} ${form.action} ${body.slice(0, 300)}`)
      else if (response.status >= 400 && (await databaseFingerprint()) !== before)
        problems.push(
          `refused with ${response.status} yet changed the database: ${form.action} ${body.slice(0, 300)}`,
        )
    }
  }
  expect(problems, `${label}: ${sent} bodies`).toEqual([])
  return sent
}

describe('fuzzed form bodies', () => {
  it(
    'when an officer’s forms get seeded odd bodies, then none answers 500 and no refused one writes',
    { timeout: 300_000 },
    async () => {
      const officer = await buildOfficer(t.repos)
      const agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
      // Question pages link to each other through their forms: every page is a start.
      const { definition } = (await t.repos.editions.findByYear(2026))!
      const pages = definition.sections.flatMap((s) => s.pages.map((p) => `/survey/2026/${s.key}/${p.key}`))
      const forms = await crawlForms(agent, ['/survey/2026', ...pages, '/account'], /^\/(survey|account)/, 80)
      expect(forms.length).toBeGreaterThan(10)
      const sent = await fuzz(agent, forms, 'officer')
      expect(sent).toBeGreaterThan(200)
    },
  )

  // On PostgreSQL every test file shares one database, and the administrator's fuzzing closes,
  // publishes and rewrites the demo editions the other files read: it runs on SQLite (its own copy).
  it.skipIf(Boolean(inject('postgresUrl')))(
    'when an administrator’s forms get a seeded few thousand odd bodies, then none answers 500 and no refused one writes',
    { timeout: 300_000 },
    async () => {
      const admin = await buildUser(t.repos, { role: 'admin' })
      const agent = await signedInAgent(t.app, admin.email, admin.password)
      const forms = await crawlForms(
        agent,
        ['/admin', '/admin/editions/2026', '/admin/editions/2026/questionnaire'],
        /^\/admin/,
        120,
      )
      expect(forms.length).toBeGreaterThan(20)
      const sent = await fuzz(agent, forms, 'admin')
      expect(sent).toBeGreaterThan(500)
    },
  )
})
