import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LoadOptions } from './load'

export interface Settings {
  quick: boolean
  /** `--large`: regeneration and CSV export at a national survey's size (10 000 and 100 000 cities). */
  large: boolean
  load: LoadOptions
  /** Officers saving at once (one connection each). */
  officers: number
  /** Synthetic city counts for regeneration: [reference, measured]. */
  cities: [number, number]
  tmp: string
  /** `--only=http,pg,regeneration,csv,cold`: the groups to run (all when absent). */
  only: Set<string> | undefined
}

/** Full run: the figures. Quick (CI): small N and 3-second loads, to keep the harness from rotting. */
export function settings(argv: string[]): Settings {
  const quick = argv.includes('--quick')
  const large = argv.includes('--large')
  const connections = quick ? 10 : 50
  return {
    quick,
    large,
    load: { connections, seconds: quick ? 3 : 10, warmupSeconds: quick ? 1 : 2 },
    officers: connections,
    cities: large ? (quick ? [500, 5000] : [10_000, 100_000]) : quick ? [50, 500] : [1000, 10_000],
    tmp: fs.mkdtempSync(path.join(os.tmpdir(), 'cis-bench-')),
    only: onlyGroups(argv),
  }
}

/** The environment of the app under test: production, silent, no demo accounts. */
export const productionEnv = (databaseFile: string, port: number): Record<string, string> => ({
  NODE_ENV: 'production',
  SESSION_SECRET: 'bench-session-secret-not-for-real-use',
  PUBLIC_BASE_URL: 'http://127.0.0.1',
  LOG_LEVEL: 'silent',
  DEMO_DATA: 'false',
  HOST: '127.0.0.1',
  PORT: String(port),
  DATABASE_URL: `sqlite:${databaseFile}`,
  // The bench signs in dozens of officers from one address within a minute.
  LOGIN_RATE_PER_MINUTE: '100000',
})

/** Password of every account the bench creates (they are not demo accounts, so production accepts them). */
export const BENCH_PASSWORD = 'bench-password-1234'
export const BENCH_ADMIN = 'bench.admin@example.test'
export const officerEmail = (i: number) => `bench.officer.${String(i + 1).padStart(3, '0')}@example.test`

const GROUPS = ['http', 'pg', 'regeneration', 'csv', 'cold']

function onlyGroups(argv: string[]): Set<string> | undefined {
  const option = argv.find((arg) => arg.startsWith('--only='))
  if (!option) return undefined
  const groups = option.slice('--only='.length).split(',')
  const unknown = groups.filter((group) => !GROUPS.includes(group))
  if (unknown.length > 0)
    throw new Error(`Unknown bench group ${unknown.join(', ')}; choose from ${GROUPS.join(', ')}`)
  return new Set(groups)
}
