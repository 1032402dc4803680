import cluster from 'node:cluster'
import { ConfigError, loadConfig } from './config'
import { createKnex } from './db/knex'
import { repositories } from './wiring/repositories'
import { services } from './wiring/services'
import { createApp } from './app'
import { createLogger } from './middleware/setUpLogging'
import { prepareDatabase } from './prepareDatabase'
import { mailSenderFor } from './mail/mailServices'
import { drainableServer } from './gracefulShutdown'
import { rateLimitStores } from './rateLimit/rateLimitStores'
import { jobRunner } from './jobs/jobRunner'
import { appJobFamilies, appJobs } from './jobs/appJobs'

/** Within the 10 s a container runtime waits after SIGTERM before it kills. */
const DRAIN_MS = 8_000

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel, {
    pretty: config.env === 'development' && Boolean(process.stdout.isTTY),
  })
  const knex = createKnex(config.database)
  // In a cluster the primary has prepared the database before starting the workers (src/cluster.ts).
  if (!cluster.isWorker) await prepareDatabase(config, knex)
  const repos = repositories(knex)
  const built = services(config, repos)
  const rateLimits = rateLimitStores(config.redisUrl, knex)
  const app = createApp({ config, knex, services: built, logger, rateLimits })
  // The mail sender, auto-close and reminders, and pending profile regenerations: schedules and
  // state in the `jobs` table (src/jobs/jobCatalogue.ts).
  const sender = mailSenderFor(config, repos.outbox, logger)
  const stopJobs = jobRunner({
    jobs: repos.jobs,
    definitions: appJobs(built.review, sender),
    families: appJobFamilies(built.profiles),
    logger,
  }).start()
  const { server, shutdown } = drainableServer(app, {
    drainMs: DRAIN_MS,
    close: async () => {
      await stopJobs()
      await rateLimits.close()
      await knex.destroy()
    },
    log: (message) => logger.info(message),
  })
  // Handlers stay installed for the whole drain (`on`, not `once`): see drainableServer.
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  server.listen(config.port, config.host, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    const where = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`
    if (cluster.isWorker) console.log(`Worker ${process.pid} is serving at ${where}`)
    else console.log(`City Innovation Survey is running at ${where}`)
  })
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
