import cluster, { type Worker } from 'node:cluster'
import path from 'node:path'
import { ConfigError, loadConfig } from './config'
import { createKnex } from './db/knex'
import { prepareDatabase } from './prepareDatabase'
import { createLogger } from './middleware/setUpLogging'

/**
 * `npm run start:cluster`: WEB_CONCURRENCY workers (by default one per CPU core) serving one port,
 * each the server of `npm start` (src/server.ts). PostgreSQL only: SQLite has one writer.
 *
 * The primary prepares the database once (migrations, demo data), starts the workers, starts a new
 * one when one dies, and on SIGTERM or SIGINT passes the signal to every worker, each of which drains
 * its requests (src/gracefulShutdown.ts); it exits 0 when all of them exited 0.
 */

export const SQLITE_REFUSAL =
  'npm run start:cluster needs PostgreSQL (DATABASE_URL=postgres://…): SQLite allows one writer at a time, ' +
  'so on SQLite run a single process with npm start.'

/** A worker that dies sooner than this after starting is replaced after a pause, not at once (a crash loop). */
const QUICK_DEATH_MS = 10_000
const RESTART_PAUSE_MS = 2_000
/** Workers drain for at most 8 s (server.ts); any still running after this are killed. */
const STOP_DEADLINE_MS = 12_000

/** The primary process of `npm run start:cluster` (entry point: src/cluster.ts). */
export async function runClusterPrimary(): Promise<void> {
  const config = loadConfig()
  if (config.database.client !== 'pg') throw new ConfigError(SQLITE_REFUSAL)
  const logger = createLogger(config.logLevel)
  const knex = createKnex(config.database)
  try {
    await prepareDatabase(config, knex)
  } finally {
    await knex.destroy()
  }

  cluster.setupPrimary({ exec: path.join(import.meta.dirname, 'server.ts') })
  const startedAt = new Map<Worker, number>()
  const served = new Set<Worker>()
  const exitCodes: Array<number | null> = []
  let stopping = false
  let listening = 0

  const start = () => {
    const worker = cluster.fork()
    startedAt.set(worker, Date.now())
    logger.info(`worker ${worker.process.pid} started`)
    worker.once('listening', () => {
      served.add(worker)
      if (++listening === config.webConcurrency)
        console.log(
          `City Innovation Survey is running at http://${config.host}:${config.port}/ with ${config.webConcurrency} workers`,
        )
    })
  }

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0)
    startedAt.delete(worker)
    if (stopping) {
      // A worker still starting has nothing to drain: ended by the signal, it stopped as asked.
      exitCodes.push(code === null && signal === 'SIGTERM' && !served.has(worker) ? 0 : code)
      if (startedAt.size === 0) {
        const clean = exitCodes.every((c) => c === 0)
        logger.info(`all workers stopped${clean ? '' : ` (exit codes ${exitCodes.join(', ')})`}`)
        process.exit(clean ? 0 : 1)
      }
      return
    }
    const pause = lived < QUICK_DEATH_MS ? RESTART_PAUSE_MS : 0
    logger.error(`worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); starting another`)
    setTimeout(() => !stopping && start(), pause)
  })

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return logger.info(`${signal} again: still waiting for ${startedAt.size} worker(s)`)
    stopping = true
    logger.info(`${signal}: stopping ${startedAt.size} worker(s)`)
    if (startedAt.size === 0) process.exit(0)
    // A signal, not worker.disconnect(): each worker drains its requests on SIGTERM. Under a supervisor
    // that signals the whole group the workers get it twice, which they ignore (see drainableServer).
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM')
    setTimeout(() => {
      logger.error(`${startedAt.size} worker(s) still running after ${STOP_DEADLINE_MS} ms: killing them`)
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL')
    }, STOP_DEADLINE_MS).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  for (let i = 0; i < config.webConcurrency; i++) start()
}
