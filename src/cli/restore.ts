import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { loadCommandConfig } from '../config'
import { createKnex } from '../db/knex'
import { tableNames } from '../db/dialect'
import { tablesWithRows } from '../db/backup/databaseContents'
import { restoreSqlite } from '../db/backup/sqliteBackup'
import { restorePostgres } from '../db/backup/postgresBackup'
import { backupKind, describeDatabase } from '../db/backup/backupFiles'

const USAGE = 'Give the backup to restore: npm run db:restore -- backups/survey-2026-12-03.backup'
const KINDS = { sqlite3: 'SQLite', pg: 'PostgreSQL' } as const

/**
 * `npm run db:restore -- FILE [--force]`: puts a backup of db:backup into DATABASE_URL's database.
 * A database that holds data is replaced only with --force. Stop the app first.
 */
async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  const file = positionals[0]
  if (!file || positionals.length > 1) return fail(USAGE, 2)
  if (!fs.existsSync(file)) return fail(`There is no file ${file}.`)
  const { database } = loadCommandConfig()
  const kind = backupKind(file)
  if (kind === 'unknown')
    return fail(`${file} is not a backup of npm run db:backup (neither SQLite nor pg_dump).`)
  if (kind !== database.client)
    return fail(
      `${file} is a ${KINDS[kind]} backup, but DATABASE_URL is a ${KINDS[database.client]} database: restore it into a ${KINDS[kind]} one.`,
    )
  const target = describeDatabase(database)
  const knex = createKnex(database)
  let tables: string[]
  try {
    const filled = await tablesWithRows(knex)
    if (filled.length > 0 && !values.force)
      return fail(
        `${target.charAt(0).toUpperCase()}${target.slice(1)} already holds data (${filled.length} tables with rows, e.g. ${filled.slice(0, 3).join(', ')}). ` +
          'Restoring replaces all of it: stop the app, back the database up, then run this again with --force.',
      )
    tables = await tableNames(knex)
  } finally {
    await knex.destroy()
  }
  const started = performance.now()
  if (database.client === 'sqlite3') await restoreSqlite(file, database.filename)
  else await restorePostgres(file, database.connectionString, tables)
  const took = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `Restored ${file} into ${target} in ${took} s. Start the app as usual: it applies any migrations newer than the backup.`,
  )
}

function fail(message: string, code = 1): void {
  console.error(message)
  process.exitCode = code
}

main().catch((error: unknown) => {
  console.error(`The restore failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
