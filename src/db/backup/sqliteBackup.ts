import sqlite3 from 'sqlite3'

/** The parts of the sqlite3 driver's online backup API (sqlite3_backup_*) used here; it has no typings. */
interface Backup {
  step(pages: number, callback: (error: Error | null) => void): void
  finish(callback?: (error: Error | null) => void): void
  readonly completed: boolean
}
type BackupOpener = (
  filename: string,
  destName: string,
  sourceName: string,
  filenameIsDest: boolean,
  callback: (error: Error | null) => void,
) => Backup

const open = (filename: string): Promise<sqlite3.Database> =>
  new Promise((resolve, reject) => {
    const db: sqlite3.Database = new sqlite3.Database(filename, (error) =>
      error ? reject(error) : resolve(db),
    )
  })

const close = (db: sqlite3.Database): Promise<void> =>
  new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())))

/**
 * Copies every page in one step: SQLite holds a read transaction for that step, so the copy is
 * the database as of one moment, and the app (WAL journal) goes on writing meanwhile. Copied in
 * several steps instead, the backup would start over whenever the app wrote between two.
 */
async function copy(db: sqlite3.Database, file: string, fileIsDestination: boolean): Promise<void> {
  const backupOf = (db as unknown as { backup: BackupOpener }).backup.bind(db)
  await new Promise<void>((resolve, reject) => {
    const backup = backupOf(file, 'main', 'main', fileIsDestination, (error) => {
      if (error) return reject(error)
      backup.step(-1, (stepError) => {
        if (stepError) return backup.finish(() => reject(stepError))
        if (!backup.completed) return backup.finish(() => reject(new Error('The backup did not complete')))
        backup.finish((finishError) => (finishError ? reject(finishError) : resolve()))
      })
    })
  })
}

/** An online backup of the SQLite database `filename` into the new file `out`, while the app serves. */
export async function backupSqlite(filename: string, out: string): Promise<void> {
  const db = await open(filename)
  try {
    await copy(db, out, true)
  } finally {
    await close(db)
  }
}

/** Replaces the contents of the SQLite database `filename` (made if missing) with the backup `file`. */
export async function restoreSqlite(file: string, filename: string): Promise<void> {
  const db = await open(filename)
  try {
    await copy(db, file, false)
  } finally {
    await close(db)
  }
}

/** Whether a file starts as every SQLite database file does. */
export const SQLITE_HEADER = 'SQLite format 3\u0000'
