import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import knexFactory, { type Knex } from 'knex'
import type { Database } from '../config'
import { beginImmediate } from './sqliteImmediate'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const migrationsDirectory = path.join(root, 'migrations')

interface SqliteConnection {
  exec(sql: string, callback: (error: Error | null) => void): void
}

/**
 * Migrations are loaded with our own import(), so they run wherever this module runs:
 * under tsx (npm start) and under vitest, whose transform handles TypeScript.
 */
const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () =>
    fs
      .readdirSync(migrationsDirectory)
      .filter((file) => file.endsWith('.ts'))
      .sort(),
  getMigrationName: (file) => file,
  getMigration: (file) => import(pathToFileURL(path.join(migrationsDirectory, file)).href),
}

/** knex settings for a database; the only place that knows the dialects apart (STYLE.md §7). */
export function knexConfig(database: Database): Knex.Config {
  const migrations = { migrationSource, tableName: 'knex_migrations' }
  // Should a failed statement reach a message anyway, it is without its values (see createKnex).
  const compileSqlOnError = false
  if (database.client === 'pg') {
    return {
      client: 'pg',
      connection: database.connectionString,
      pool: { min: 0, max: 10 },
      migrations,
      compileSqlOnError,
    }
  }
  if (database.filename !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(database.filename)), { recursive: true })
  return {
    client: 'sqlite3',
    connection: { filename: database.filename },
    useNullAsDefault: true,
    migrations,
    compileSqlOnError,
    // One connection: SQLite serialises writers anyway, and WAL keeps readers off the writer's back.
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: (error: Error | null, conn: SqliteConnection) => void) {
        conn.exec(
          'PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON',
          (error) => done(error, conn),
        )
      },
    },
  }
}

export function createKnex(database: Database): Knex {
  const knex = knexFactory(knexConfig(database))
  knex.on('query-error', withoutStatement)
  // Commands run beside the server (backup, regeneration) open connections of their own: every
  // write transaction takes the write lock at BEGIN.
  return database.client === 'sqlite3' ? beginImmediate(knex) : knex
}

/**
 * knex puts the failed statement in front of the driver's message, with every value inlined (or,
 * with compileSqlOnError off, its placeholders): a 250-row insert became a page of answers, emails
 * and hashes in the logs and on a command's output. The message goes back to the driver's own
 * ("duplicate key value violates unique constraint …"); the error keeps its code.
 */
function withoutStatement(error: unknown, query: { sql?: string }): void {
  if (!(error instanceof Error) || !query?.sql) return
  const prefix = `${query.sql} - `
  if (error.message.startsWith(prefix)) error.message = error.message.slice(prefix.length)
  if (error.stack?.includes(prefix)) error.stack = error.stack.replace(prefix, '')
}

export type { Knex }
