import { spawn } from 'node:child_process'
import fs from 'node:fs'

/**
 * pg_dump and psql get the connection string without its password (which would show in `ps`);
 * the password goes in PGPASSWORD.
 */
function connection(connectionString: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(connectionString)
  const env = { ...process.env }
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password)
    url.password = ''
  }
  return { url: url.toString(), env }
}

/**
 * Runs a PostgreSQL client program, with `input` (text, then a file's bytes) on its standard input;
 * fails with what it printed on stderr, or says how to install it when it is missing.
 */
function run(
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input?: { text: string; file: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: [input ? 'pipe' : 'ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `${program} was not found: install PostgreSQL's client programs (Debian: apt-get install postgresql-client)`,
            )
          : error,
      ),
    )
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} failed (exit code ${code}):\n${stderr.trim()}`)),
    )
    if (input && child.stdin) {
      child.stdin.on('error', () => {}) // psql stopped early: its exit code and stderr tell why.
      child.stdin.write(input.text)
      fs.createReadStream(input.file).pipe(child.stdin)
    }
  })
}

/**
 * pg_dump of the whole database as plain SQL, in one snapshot (a repeatable-read transaction: what
 * was committed when it began, whatever the app writes meanwhile), without owners or grants so it
 * restores under any role.
 */
export async function backupPostgres(connectionString: string, out: string): Promise<void> {
  const { url, env } = connection(connectionString)
  await run(
    'pg_dump',
    ['--no-owner', '--no-privileges', '--format=plain', `--file=${out}`, `--dbname=${url}`],
    env,
  )
}

/**
 * Restores a pg_dump file in one transaction: the tables there were (`drop`) are dropped first, so
 * either the database is the backup's afterwards or, when anything fails, it is as it was.
 */
export async function restorePostgres(file: string, connectionString: string, drop: string[]): Promise<void> {
  const { url, env } = connection(connectionString)
  const dropping = drop.map((table) => `drop table if exists "${table.replaceAll('"', '""')}" cascade;\n`)
  await run(
    'psql',
    ['--quiet', '--no-psqlrc', '--single-transaction', '--set=ON_ERROR_STOP=1', `--dbname=${url}`],
    env,
    { text: dropping.join(''), file },
  )
}
