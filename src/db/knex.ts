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
    // One connection: SQLite serialises writers anyway, and WAL keeps readers off the writer's back
    // (the read pool, createReadKnex, reads beside it).
    pool: { min: 1, max: 1, afterCreate: sqlitePragmas('PRAGMA foreign_keys=ON') },
  }
}

type AfterCreate = (
  conn: SqliteConnection,
  done: (error: Error | null, conn: SqliteConnection) => void,
) => void

const sqlitePragmas =
  (extra: string): AfterCreate =>
  (conn, done) =>
    conn.exec(
      `PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; ${extra}`,
      (error) => done(error, conn),
    )

export function createKnex(database: Database): Knex {
  const knex = knexFactory(knexConfig(database))
  knex.on('query-error', withoutStatement)
  // With a read pool beside the writer, every write transaction takes the write lock at BEGIN.
  return database.client === 'sqlite3' ? beginImmediate(knex) : knex
}

/** Connections of the SQLite read pool: a few, so a page's reads do not queue behind each other. */
export const READ_CONNECTIONS = 2

/**
 * The knex for the busiest reads (a signed-in page's session, survey year and answers) outside
 * any transaction. On a SQLite file, a small pool of connections that cannot write (query_only):
 * in WAL mode each read sees the last committed state, never a save half-written, while the one
 * writer (createKnex) commits. Elsewhere (PostgreSQL's own pool, an in-memory SQLite database,
 * which another connection would not see) it is `writer` itself.
 */
export function createReadKnex(database: Database, writer: Knex): Knex {
  if (database.client !== 'sqlite3' || database.filename === ':memory:') return writer
  const config = knexConfig(database)
  const reads = knexFactory({
    ...config,
    migrations: undefined,
    pool: { min: 0, max: READ_CONNECTIONS, afterCreate: sqlitePragmas('PRAGMA query_only=ON') },
  })
  reads.on('query-error', withoutStatement)
  return reads
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
