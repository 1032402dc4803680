import { freePort, spawnTs, waitFor200, type Child } from './processes'
import { productionEnv } from './settings'

/** Starts a server on a free port; if someone else took the port meanwhile, tries another. */
async function onFreePort(
  entry: string,
  args: (port: number) => string[],
  env: (port: number) => Record<string, string>,
): Promise<Child> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const child = spawnTs(entry, args(port), env(port), port)
    try {
      await waitFor200(child)
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
