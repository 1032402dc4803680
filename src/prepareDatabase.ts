import type { Knex } from 'knex'
import { ConfigError, type Config } from './config'
import { migrateLatest } from './db/migrate'
import { usersRepository } from './accounts/usersRepository'
import { ensureDemoData } from './cli/demo/loadDemoData'

/**
 * What happens once before a database is served: migrations, and demo data in demo mode (production
 * refuses a database with demo accounts). `npm start` does it in its one process; `start:cluster` in
 * the primary, before any worker serves.
 */
export async function prepareDatabase(config: Config, knex: Knex): Promise<void> {
  await migrateLatest(knex)
  if (config.demoData) {
    const accounts = await ensureDemoData(knex, config.demoPassword, {
      disclosureThreshold: config.disclosureThreshold,
    })
    printDemoAccounts(accounts, config.demoPassword)
  } else if (config.env === 'production' && (await usersRepository(knex).countDemoAccounts()) > 0) {
    throw new ConfigError('This database holds demo accounts; production refuses to start with them')
  }
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
