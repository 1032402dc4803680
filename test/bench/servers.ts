import { freePort, spawnTs, waitFor200, type Child } from './processes'
import { productionEnv } from './settings'

/** The app as users meet it: `tsx src/server.ts`, NODE_ENV=production, its own process and port. */
export async function startApp(databaseFile: string): Promise<Child> {
  const port = await freePort()
  const child = spawnTs('src/server.ts', [], productionEnv(databaseFile, port), port)
  await waitFor200(child)
  return child
}

/** A reference server: `ok` (res.send('ok')) or `static` (express.static over `directory`). */
export async function startReference(mode: 'ok' | 'static', directory = ''): Promise<Child> {
  const port = await freePort()
  const child = spawnTs(
    'test/bench/referenceServer.ts',
    [mode, String(port), directory],
    { NODE_ENV: 'production' },
    port,
  )
  await waitFor200(child)
  return child
}
