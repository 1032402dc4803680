import os from 'node:os'
import { load, type Measured } from '../load'
import { prepareAppDatabase, type BenchOfficer, type QuestionPage } from '../prepareDatabase'
import { scratchDatabase } from '../postgresDatabase'
import { startApp, startCluster } from '../servers'
import { ms, type Row } from '../table'
import { eachConnectionAnOfficer, signInAll } from './officerGet'
import { freshPages, savedVersions, saveRun } from './officerSave'
import type { Child } from '../processes'
import type { Session } from '../session'
import type { Settings } from '../settings'

const CLUSTER_GOAL = 1.3
const SAVE_P99_GOAL_MS = 200

const clusterName = 'Officer GET at saturation, PostgreSQL, start:cluster 2 workers vs 1'
const instancesName = (officers: number) => `${officers} officers saving through 2 instances, PostgreSQL`

/** The officer GET at saturation through one app (a cluster), each connection its own officer. */
async function officerGet(settings: Settings, app: Child, page: QuestionPage, sessions: Session[]) {
  return load(app.url + page.path, {
    ...settings.load,
    setupClient: eachConnectionAnOfficer(sessions.length, (client, i) =>
      client.setHeaders({ cookie: sessions[i].cookie }),
    ),
  })
}

async function clusterRow(
  settings: Settings,
  url: string,
  page: QuestionPage,
  officers: BenchOfficer[],
): Promise<Row> {
  const measure = async (workers: number): Promise<Measured & { generatorCores: number }> => {
    const cluster = await startCluster(url, workers)
    try {
      // Sessions are kept in the database: signed in through this cluster, they hold in any worker.
      const sessions = await signInAll(cluster.url, officers)
      // The load generator (this process) takes its share of the same 2 cores: counted, so the
      // figure can be read for what it is.
      const cpu = process.cpuUsage()
      const started = performance.now()
      const measured = await officerGet(settings, cluster, page, sessions)
      const used = process.cpuUsage(cpu)
      return { ...measured, generatorCores: (used.user + used.system) / 1000 / (performance.now() - started) }
    } finally {
      await cluster.stop()
    }
  }
  const one = await measure(1)
  const two = await measure(2)
  const ratio = two.rps / one.rps
  const cores = (m: { generatorCores: number }) => m.generatorCores.toFixed(2)
  return {
    name: clusterName,
    rps: two.rps,
    p50: ms(two.p50),
    p99: ms(two.p99),
    referenceRps: one.rps,
    ratio,
    goal: `≥ ${CLUSTER_GOAL} × 1 worker`,
    met: ratio >= CLUSTER_GOAL,
    notes: `${officers.length} officers; reference: the same with WEB_CONCURRENCY=1 (p99 ${ms(one.p99)}); the load generator shares the 2 cores and used ${cores(one)} of a core (1 worker) and ${cores(two)} (2 workers); load average ${os.loadavg()[0].toFixed(1)}`,
  }
}

/**
 * Officers saving at once, half through each of two `npm start` instances over one database, every
 * save checked in the database afterwards (saveRun throws if one is missing).
 */
async function instancesRow(
  settings: Settings,
  url: string,
  page: QuestionPage,
  officers: BenchOfficer[],
): Promise<Row> {
  const instances = [await startApp('', { DATABASE_URL: url })]
  try {
    instances.push(await startApp('', { DATABASE_URL: url }))
    const half = Math.ceil(officers.length / 2)
    const groups = [officers.slice(0, half), officers.slice(half)]
    const runs = await Promise.all(
      groups.map(async (group, i) => {
        const sessions = await signInAll(instances[i].url, group)
        return saveRun(
          { ...settings, load: { ...settings.load, connections: group.length } },
          instances[i].url + page.path,
          settings.load.seconds,
          sessions,
          await freshPages(sessions, page.path),
          savedVersions({ client: 'pg', connectionString: url }, page, group),
        )
      }),
    )
    const p99 = Math.max(...runs.map((run) => run.measured.p99))
    const saves = runs.reduce((sum, run) => sum + run.saves, 0)
    return {
      name: instancesName(officers.length),
      rps: runs.reduce((sum, run) => sum + run.measured.rps, 0),
      p50: ms(Math.max(...runs.map((run) => run.measured.p50))),
      p99: ms(p99),
      goal: `0 lost, p99 < ${SAVE_P99_GOAL_MS} ms`,
      met: p99 < SAVE_P99_GOAL_MS,
      notes: `${saves.toLocaleString('en-GB')} saves, every one checked in the database (0 lost); p50 and p99 the higher instance's`,
    }
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()))
  }
}

/**
 * The scale-out rows of issue 18, on a PostgreSQL database of the bench's own (BENCH_PG_URL, by default
 * the local server), created with the demo editions and the bench's accounts and dropped afterwards.
 * Without a reachable server both rows say why they were skipped.
 */
export async function postgresCases(settings: Settings): Promise<Row[]> {
  const database = await scratchDatabase()
  if ('unreachable' in database) {
    const notes = `skipped: PostgreSQL unreachable (${database.unreachable})`
    console.error(`[bench]   ${notes}`)
    return [
      { name: clusterName, goal: `≥ ${CLUSTER_GOAL} × 1 worker`, notes },
      { name: instancesName(settings.officers), goal: `0 lost, p99 < ${SAVE_P99_GOAL_MS} ms`, notes },
    ]
  }
  try {
    const { officers, page } = await prepareAppDatabase(
      { client: 'pg', connectionString: database.url },
      settings.officers,
    )
    return [
      await clusterRow(settings, database.url, page, officers),
      await instancesRow(settings, database.url, page, officers),
    ]
  } finally {
    await database.drop()
  }
}
