import { ConfigError, loadConfig } from './config'
import { createKnex } from './db/knex'
import { migrateLatest } from './db/migrate'
import { dataAccess } from './dataAccess'
import { services } from './services'
import { createApp } from './app'
import { createLogger } from './middleware/setUpLogging'
import { ensureDemoData } from './cli/demo/loadDemoData'
import { mailSenderFor } from './mail/mailServices'
import { drainableServer } from './gracefulShutdown'
import { jobRunner } from './jobs/jobRunner'
import { appJobs } from './jobs/appJobs'

/** Within the 10 s a container runtime waits after SIGTERM before it kills. */
const DRAIN_MS = 8_000

async function main(): Promise<void> {
  const config = loadConfig()
  const logger = createLogger(config.logLevel, {
    pretty: config.env === 'development' && Boolean(process.stdout.isTTY),
  })
  const knex = createKnex(config.database)
  await migrateLatest(knex)
  const repos = dataAccess(knex)
  if (config.demoData) {
    const accounts = await ensureDemoData(knex, config.demoPassword, {
      disclosureThreshold: config.disclosureThreshold,
    })
    printDemoAccounts(accounts, config.demoPassword)
  } else if ((await repos.users.countDemoAccounts()) > 0 && config.env === 'production') {
    throw new ConfigError('This database holds demo accounts; production refuses to start with them')
  }
  const built = services(config, repos)
  const app = createApp({ config, knex, services: built, logger })
  // The mail sender, auto-close and reminders: schedules and state in the `jobs` table (src/jobs/jobCatalogue.ts).
  const sender = mailSenderFor(config, repos.outbox, logger)
  const stopJobs = jobRunner({ jobs: repos.jobs, definitions: appJobs(built, sender), logger }).start()
  const { server, shutdown } = drainableServer(app, {
    drainMs: DRAIN_MS,
    close: async () => {
      await stopJobs()
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
    console.log(
      `City Innovation Survey is running at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`,
    )
  })
}

function printDemoAccounts(
  accounts: Array<{ email: string; role: string; city?: string }>,
  password: string,
): void {
  console.log('\nDemo accounts (demo mode only):')
  for (const account of accounts)
    console.log(`  ${account.email.padEnd(32)} ${account.role}${account.city ? ` for ${account.city}` : ''}`)
  console.log(`  password for each: ${password}\n`)
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error)
  process.exit(1)
})
