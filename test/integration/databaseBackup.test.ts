import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import knexFactory from 'knex'
import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { signedInAgent, type Agent } from '../support/http'
import { buildOfficer, pageState, type Officer } from '../support/collectionFactories'
import { runTs } from '../support/childProcess'
import { createKnex } from '../../src/db/knex'
import type { Database } from '../../src/config'

const t = testApp()
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-backup-'))
const backupFile = path.join(dir, 'survey.backup')

/** An empty database beside the test's: a new SQLite file, or a new database on the same PostgreSQL server. */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (t.config.database.client === 'sqlite3')
    return {
      database: { client: 'sqlite3', filename: path.join(dir, 'restored.sqlite3') },
      drop: async () => {},
    }
  const url = new URL(t.config.database.connectionString)
  const name = `cis_restore_${crypto.randomUUID().replaceAll('-', '').slice(0, 12)}`
  const server = knexFactory({ client: 'pg', connection: url.toString() })
  await server.raw(`create database ${name}`)
  url.pathname = `/${name}`
  return {
    database: { client: 'pg', connectionString: url.toString() },
    drop: async () => {
      await server.raw(`drop database if exists ${name} with (force)`)
      await server.destroy()
    },
  }
}

const databaseUrl = (db: Database) => (db.client === 'pg' ? db.connectionString : `sqlite:${db.filename}`)

const cityFacts = '/survey/2026/city/city_facts'
const mayor = (n: number) => `Mayor number ${n}`

/** An officer saving the city's facts again and again, each save with the next number. */
function savingOfficer(officer: Officer, agent: Agent) {
  const state = { acknowledged: 0, sent: 0, running: true }
  const done = (async () => {
    while (state.running) {
      const n = ++state.sent
      const form = await agent.get(cityFacts)
      const saved = await agent
        .post(cityFacts)
        .type('form')
        .send({
          ...pageState(form.text),
          'city-mayor': mayor(n),
          'city-population': '120000',
          'city-population_year': '2019',
          _action: 'continue',
        })
      if (saved.status !== 302) throw new Error(`A save was answered ${saved.status}`)
      state.acknowledged = n
    }
  })()
  return { officer, state, stop: async () => ((state.running = false), await done) }
}

afterAll(async () => {
  await t.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('backup and restore', () => {
  it('when a backup is made while officers save, then restored into an empty database it holds every save acknowledged before the backup began; a second restore is refused', async () => {
    const officers = await Promise.all([1, 2, 3].map(() => buildOfficer(t.repos)))
    const savers = []
    for (const officer of officers)
      savers.push(
        savingOfficer(officer, await signedInAgent(t.app, officer.user.email, officer.user.password)),
      )
    while (savers.some((s) => s.state.acknowledged < 2)) await new Promise((r) => setTimeout(r, 20))

    const before = savers.map((s) => s.state.acknowledged)
    const backup = await runTs('src/cli/backup.ts', ['--out', backupFile], {
      DATABASE_URL: databaseUrl(t.config.database),
    })
    const during = savers.map((s) => s.state.acknowledged)
    await Promise.all(savers.map((s) => s.stop()))
    expect(backup.stderr).toBe('')
    expect(backup.code).toBe(0)
    expect(backup.stdout).toMatch(
      /^Backed up the (SQLite|PostgreSQL) database .* to .*survey\.backup \([\d.]+ MB\) in [\d.]+ s\.$/m,
    )
    // The saves went on while the backup ran.
    expect(during.reduce((a, b) => a + b)).toBeGreaterThan(before.reduce((a, b) => a + b))

    const target = await emptyDatabase()
    try {
      const env = { DATABASE_URL: databaseUrl(target.database) }
      const restore = await runTs('src/cli/restore.ts', [backupFile], env)
      expect(restore.stderr).toBe('')
      expect(restore.code).toBe(0)
      expect(restore.stdout).toContain(`Restored ${backupFile} into the`)

      const restored = createKnex(target.database)
      try {
        for (const [i, officer] of officers.entries()) {
          const row = await restored('answers')
            .join('responses', 'responses.id', 'answers.response_id')
            .where({ 'responses.city_id': officer.city.id, 'answers.question_key': 'city.mayor' })
            .first('answers.value_text')
          const n = Number(/^Mayor number (\d+)$/.exec(String(row?.value_text))?.[1])
          // Acknowledged before the backup began: there, or a later save of the same answer.
          expect(n).toBeGreaterThanOrEqual(before[i])
          expect(n).toBeLessThanOrEqual(savers[i].state.sent)
          // Each acknowledged save, not only the last, is in the history of the response.
          const saves = await restored('response_events')
            .join('responses', 'responses.id', 'response_events.response_id')
            .where({ 'responses.city_id': officer.city.id, 'response_events.type': 'page_saved' })
            .count({ n: '*' })
          expect(Number(saves[0].n)).toBeGreaterThanOrEqual(before[i])
          expect(Number(saves[0].n)).toBe(n)
        }
        expect(await restored('users').where({ email: officers[0].user.email }).first('id')).toBeDefined()
      } finally {
        await restored.destroy()
      }

      const again = await runTs('src/cli/restore.ts', [backupFile], env)
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(
        /^The (SQLite|PostgreSQL) database .* already holds data \(\d+ tables with rows/,
      )
      expect(again.stderr).toContain('run this again with --force')
    } finally {
      await target.drop()
    }
  }, 180_000)

  it('when the backup file exists already or is not given, then nothing is written and the message says what to do', async () => {
    fs.writeFileSync(path.join(dir, 'taken.backup'), 'keep me')
    const env = { DATABASE_URL: databaseUrl(t.config.database) }
    const taken = await runTs('src/cli/backup.ts', ['--out', path.join(dir, 'taken.backup')], env)
    expect(taken.code).toBe(1)
    expect(taken.stderr).toContain('exists already: give a new file name')
    expect(fs.readFileSync(path.join(dir, 'taken.backup'), 'utf8')).toBe('keep me')
    const missing = await runTs('src/cli/backup.ts', [], env)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('npm run db:backup -- --out')
    const notABackup = await runTs('src/cli/restore.ts', [path.join(dir, 'taken.backup')], env)
    expect(notABackup.code).toBe(1)
    expect(notABackup.stderr).toContain('is not a backup of npm run db:backup')
  }, 60_000)
})
