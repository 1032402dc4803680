import fs from 'node:fs'
import type { Database } from '../../config'
import { SQLITE_HEADER } from './sqliteBackup'

/** A database as a message names it: never with a password. */
export function describeDatabase(database: Database): string {
  if (database.client === 'sqlite3') return `the SQLite database ${database.filename}`
  const url = new URL(database.connectionString)
  return `the PostgreSQL database ${url.pathname.slice(1)} on ${url.host}`
}

/** What kind of backup a file is, from its first bytes: a SQLite file, a pg_dump script, or neither. */
export function backupKind(file: string): Database['client'] | 'unknown' {
  const handle = fs.openSync(file, 'r')
  try {
    const start = Buffer.alloc(256)
    const length = fs.readSync(handle, start, 0, start.length, 0)
    const text = start.subarray(0, length).toString('latin1')
    if (text.startsWith(SQLITE_HEADER)) return 'sqlite3'
    if (text.includes('PostgreSQL database dump')) return 'pg'
    return 'unknown'
  } finally {
    fs.closeSync(handle)
  }
}

/** 1,234,567 bytes as "1.2 MB". */
export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`
