import crypto from 'node:crypto'
import pg from 'pg'

/** Where the bench may create a database of its own: BENCH_PG_URL, or the local server's maintenance database. */
export const adminUrl = () => process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export interface ScratchDatabase {
  url: string
  drop: () => Promise<void>
}

/**
 * A fresh database of the bench's own on the PostgreSQL server (never the shared `test` one), dropped
 * afterwards; undefined, with the reason, when no server answers.
 */
export async function scratchDatabase(): Promise<ScratchDatabase | { unreachable: string }> {
  const admin = adminUrl()
  const name = `cis_bench_${process.pid}_${crypto.randomBytes(3).toString('hex')}`
  try {
    await withClient(admin, (client) => client.query(`CREATE DATABASE ${name}`))
  } catch (error) {
    return { unreachable: `${admin.replace(/:[^:@/]*@/, '@')}: ${(error as Error).message}` }
  }
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(
        () => undefined,
      ),
  }
}
