import path from 'node:path'
import { freePort, spawnTs, waitFor200 } from '../processes'
import { seconds, type Row } from '../table'
import type { Settings } from '../settings'

/**
 * `npm start` on an empty database, as a newcomer meets it: development mode with demo
 * data, so the time includes migrations and loading the demo editions and accounts.
 */
export async function coldStartCase(settings: Settings): Promise<Row> {
  const port = await freePort()
  const env = {
    NODE_ENV: 'development',
    DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: `sqlite:${path.join(settings.tmp, 'cold-start', 'app.sqlite3')}`,
  }
  const started = performance.now()
  const child = spawnTs('src/server.ts', [], env, port)
  try {
    await waitFor200(child)
    const elapsed = performance.now() - started
    return {
      name: 'npm start, empty database → first 200 /healthz',
      p50: seconds(elapsed),
      goal: '< 5 s',
      met: elapsed < 5000,
      notes: 'development mode, demo data loaded',
    }
  } finally {
    await child.stop()
  }
}
