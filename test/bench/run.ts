// `npm run bench` (-- --quick in CI): every case against a reference measured in the same
// run on this machine, printed as one table and written to test/bench/results/latest.md.
import fs from 'node:fs'
import path from 'node:path'
import { load } from './load'
import { startApp, startReference } from './servers'
import { settings } from './settings'
import { prepareAppDatabase, withDatabase } from './prepareDatabase'
import { createSyntheticDatabase } from './syntheticData'
import { machineLines, ms, renderTable, seconds, writeResults, type Row } from './table'
import { publicProfileCases } from './cases/publicProfile'
import { profilePdfCase } from './cases/profilePdf'
import { profileBytesCase } from './cases/profileBytes'
import { officerGetCase, signInAll } from './cases/officerGet'
import { officerSaveCase } from './cases/officerSave'
import { officerAtRateCases } from './cases/officerAtRate'
import { regenerationCases } from './cases/regeneration'
import { csvExportCase } from './cases/csvExport'
import { coldStartCase } from './cases/coldStart'
import { postgresCases } from './cases/postgres'

const s = settings(process.argv.slice(2))
const rows: Row[] = []
let broken = false
const step = (text: string) => process.stderr.write(`[bench] ${text}\n`)

/** Runs a group of cases; an error marks the harness broken but the other groups still run. */
async function attempt(name: string, work: () => Promise<Row[]>): Promise<void> {
  step(name)
  const started = performance.now()
  try {
    rows.push(...(await work()))
    step(`  done in ${seconds(performance.now() - started)}`)
  } catch (error) {
    broken = true
    console.error(error)
    rows.push({
      name,
      goal: '—',
      notes: `ERROR: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
    })
  }
}

async function httpCases(): Promise<Row[]> {
  const file = path.join(s.tmp, 'app.sqlite3')
  const { officers, page } = await prepareAppDatabase(file, s.officers)
  // The reference runs throughout (idle in between) and is measured again right before
  // each case compared with it: the machine is shared, and its load drifts.
  const okServer = await startReference('ok')
  const app = await startApp(file).catch(async (error: unknown) => {
    await okServer.stop()
    throw error
  })
  try {
    const measureOk = () => load(`${okServer.url}/`, s.load)
    const ok = await measureOk()
    const own: Row[] = [
      {
        name: "Reference: Express res.send('ok')",
        rps: ok.rps,
        p50: ms(ok.p50),
        p99: ms(ok.p99),
        goal: '—',
        notes: 'its own process; measured again before each case compared with it',
      },
    ]
    own.push(await profileBytesCase(app))
    own.push(...(await publicProfileCases(s, app, measureOk)))
    own.push(await profilePdfCase(app))
    const sessions = await signInAll(app.url, officers)
    const get = await officerGetCase(s, app, measureOk, page, sessions)
    own.push(get.row, await officerSaveCase(s, app, get, page, officers, sessions, file))
    own.push(...(await officerAtRateCases(s, app, page, officers, sessions, file)))
    return own
  } finally {
    await app.stop()
    await okServer.stop()
  }
}

async function syntheticDatabases() {
  const databases = s.cities.map((cities) => ({
    cities,
    file: path.join(s.tmp, `synthetic-${cities}.sqlite3`),
  }))
  for (const database of databases) {
    const started = performance.now()
    const { answerRows } = await createSyntheticDatabase(database.file, database.cities)
    step(
      `  ${database.cities} synthetic cities, ${answerRows} answer rows, in ${seconds(performance.now() - started)}`,
    )
  }
  return databases
}

async function main(): Promise<void> {
  const engine = await withDatabase(path.join(s.tmp, 'version.sqlite3'), async (knex) => {
    const [row] = (await knex.raw('select sqlite_version() as version')) as Array<{ version: string }>
    return `SQLite ${row.version} (node sqlite3 via knex, WAL, one connection, transactions BEGIN IMMEDIATE)`
  })
  const lines = machineLines(engine, s.quick)
  lines.forEach((line) => step(line))
  const runs = (group: string) => s.only === undefined || s.only.has(group)
  if (runs('http')) await attempt('HTTP cases (profile, officer GET and save)', httpCases)
  if (runs('pg')) await attempt('PostgreSQL (start:cluster, two instances)', () => postgresCases(s))
  let databases: Awaited<ReturnType<typeof syntheticDatabases>> = []
  if (runs('regeneration') || runs('csv'))
    await attempt('Synthetic cities', async () => {
      databases = await syntheticDatabases()
      return []
    })
  if (databases.length > 0) {
    if (runs('regeneration')) await attempt('Regeneration', () => regenerationCases(databases, s.large))
    if (runs('csv')) await attempt('CSV export', async () => [await csvExportCase(databases, s.large)])
  }
  if (runs('cold')) await attempt('Cold start', async () => [await coldStartCase(s)])

  const table = renderTable(rows)
  console.log(`\n${lines.join('\n')}\n\n${table}\n`)
  console.log(`Written to ${path.relative(process.cwd(), writeResults(lines, table))}`)
  if (broken) console.error('The harness itself failed in at least one case (see ERROR above).')
  process.exitCode = broken ? 1 : 0
}

try {
  await main()
} finally {
  fs.rmSync(s.tmp, { recursive: true, force: true })
}
