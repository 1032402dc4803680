import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { loadCommandConfig } from '../config'
import { backupSqlite } from '../db/backup/sqliteBackup'
import { backupPostgres } from '../db/backup/postgresBackup'
import { describeDatabase, megabytes } from '../db/backup/backupFiles'

const USAGE = 'Give the file to write: npm run db:backup -- --out backups/survey-2026-12-03.backup'

/**
 * `npm run db:backup -- --out FILE`: a consistent copy of DATABASE_URL's database while the app
 * serves (SQLite: the driver's online backup; PostgreSQL: pg_dump). Written to FILE.partial first,
 * so a file named FILE is always a whole backup.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } })
  if (!values.out) return fail(USAGE, 2)
  const out = values.out
  if (fs.existsSync(out))
    return fail(`${out} exists already: give a new file name (a backup never overwrites one).`)
  const { database } = loadCommandConfig()
  if (database.client === 'sqlite3' && !fs.existsSync(database.filename))
    return fail(`There is no SQLite database at ${database.filename} (DATABASE_URL) to back up.`)
  const partial = `${out}.partial`
  fs.rmSync(partial, { force: true })
  const started = performance.now()
  try {
    if (database.client === 'sqlite3') await backupSqlite(database.filename, partial)
    else await backupPostgres(database.connectionString, partial)
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
  fs.renameSync(partial, out)
  const took = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    `Backed up ${describeDatabase(database)} to ${out} (${megabytes(fs.statSync(out).size)}) in ${took} s.`,
  )
}

function fail(message: string, code = 1): void {
  console.error(message)
  process.exitCode = code
}

main().catch((error: unknown) => {
  console.error(`The backup failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
