import { freePort, spawnTs, waitFor200, type Child } from './processes'

/** Waits (up to 60 s) until the child has printed `text`, if any. */
async function waitForOutput(child: Child, text: string | undefined): Promise<void> {
  const started = performance.now()
  while (text && !child.output().includes(text)) {
    if (child.process.exitCode !== null || performance.now() - started > 60_000)
      throw new Error(`${child.url} never said "${text}":\n${child.output()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
import { productionEnv } from './settings'

/** Starts a server on a free port; if someone else took the port meanwhile, tries another. */
async function onFreePort(
  entry: string,
  args: (port: number) => string[],
  env: (port: number) => Record<string, string>,
  ready?: string,
): Promise<Child> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const child = spawnTs(entry, args(port), env(port), port)
    try {
      await waitFor200(child)
      await waitForOutput(child, ready)
      return child
    } catch (error) {
      await child.stop()
      if (attempt === 3) throw error
    }
  }
}

/** The app as users meet it: `tsx src/server.ts`, NODE_ENV=production, its own process and port. */
export function startApp(databaseFile: string, extraEnv: Record<string, string> = {}): Promise<Child> {
  return onFreePort(
    'src/server.ts',
    () => [],
    (port) => ({ ...productionEnv(databaseFile, port), ...extraEnv }),
  )
}

/**
 * A reference server: `ok` (res.send('ok')), `static` (express.static over `directory`) or
 * `compressed` (the same behind the `compression` middleware).
 */
export function startReference(mode: 'ok' | 'static' | 'compressed', directory = ''): Promise<Child> {
  return onFreePort(
    'test/bench/referenceServer.ts',
    (port) => [mode, String(port), directory],
    () => ({ NODE_ENV: 'production' }),
  )
}

/**
 * `npm run start:cluster` (node:cluster) with `workers` workers over a PostgreSQL database: ready once
 * the primary says every worker listens.
 */
export function startCluster(databaseUrl: string, workers: number): Promise<Child> {
  return onFreePort(
    'src/cluster.ts',
    () => [],
    (port) => ({
      ...productionEnv('', port),
      DATABASE_URL: databaseUrl,
      WEB_CONCURRENCY: String(workers),
    }),
    `with ${workers} workers`,
  )
}
