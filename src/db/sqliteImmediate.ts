import { createRequire } from 'node:module'
import type { Knex } from 'knex'

// knex 3.3's own transaction class for sqlite3 (lib/dialects/sqlite3/execution): it begins with a
// plain BEGIN, which takes the write lock only at the first write. knex exports no hook for that.
const require = createRequire(import.meta.url)
const SqliteTransaction = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction.js') as new (
  client: unknown,
  ...rest: unknown[]
) => { query(conn: unknown, sql: string): Promise<unknown> }

/**
 * The outermost transaction begins IMMEDIATE (nested ones stay savepoints): it takes the write
 * lock before its first read, so a transaction that reads and then writes never fails half-way
 * with SQLITE_BUSY when another connection (a command run beside the server, another instance)
 * holds the database; it waits for the lock (busy_timeout) before it has read anything.
 */
class ImmediateTransaction extends SqliteTransaction {
  begin(conn: unknown) {
    return this.query(conn, 'BEGIN IMMEDIATE;')
  }
}

/** Makes every transaction of this sqlite3 knex begin IMMEDIATE. */
export function beginImmediate(knex: Knex): Knex {
  const client = knex.client as { transaction: (...args: unknown[]) => unknown }
  // A method, not an arrow: knex's transaction clients are Object.create() of this client.
  client.transaction = function (this: unknown, ...args: unknown[]) {
    return new ImmediateTransaction(this, ...args)
  }
  return knex
}
