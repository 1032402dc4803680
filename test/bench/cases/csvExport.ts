import { memoryOf, type Child } from '../processes'
import { startApp } from '../servers'
import { Session } from '../session'
import { BENCH_ADMIN, BENCH_PASSWORD } from '../settings'
import { SYNTHETIC_YEAR } from '../syntheticData'
import { mb, seconds, type Row } from '../table'

export const EXPORT_PATH = `/admin/editions/${SYNTHETIC_YEAR}/export.csv`

interface Exported {
  ms: number
  lines: number
  growthMb: number
}

/** Downloads the export as an administrator, sampling the server's resident memory meanwhile. */
async function download(app: Child): Promise<Exported> {
  const admin = new Session(app.url)
  await admin.signIn(BENCH_ADMIN, BENCH_PASSWORD)
  const before = memoryOf(app.pid)?.rss ?? NaN
  let highest = before
  const sampler = setInterval(() => (highest = Math.max(highest, memoryOf(app.pid)?.rss ?? NaN)), 10)
  try {
    const started = performance.now()
    const response = await fetch(app.url + EXPORT_PATH, { headers: { cookie: admin.cookie } })
    if (response.status !== 200) throw new Error(`${EXPORT_PATH} answered ${response.status}`)
    let lines = 0
    for await (const chunk of response.body!) for (const byte of chunk as Uint8Array) if (byte === 10) lines++
    return { ms: performance.now() - started, lines, growthMb: highest - before }
  } finally {
    clearInterval(sampler)
  }
}

async function exportFrom(file: string): Promise<Exported> {
  const app = await startApp(file)
  try {
    return await download(app)
  } catch (error) {
    // Say why: the server's own last words, if it died.
    throw new Error(`${String(error)}; server exit ${app.process.exitCode}: ${app.output().slice(-500)}`, {
      cause: error,
    })
  } finally {
    await app.stop()
  }
}

/**
 * The admin CSV export of the larger synthetic database, against the smaller: streamed,
 * the server's memory does not grow with the number of cities; under 5 s.
 */
export async function csvExportCase(databases: Array<{ file: string; cities: number }>): Promise<Row> {
  const [small, large] = databases
  const name = `CSV export, ${large.cities.toLocaleString('en-GB')} cities`
  const goal = '< 5 s, RSS growth ≤ reference + 20 MB'
  const reference = await exportFrom(small.file)
  const measured = await exportFrom(large.file)
  if (measured.lines < large.cities)
    throw new Error(`The export of ${large.cities} cities has only ${measured.lines} lines`)
  return {
    name,
    p50: seconds(measured.ms),
    goal,
    met: measured.ms < 5000 && measured.growthMb <= reference.growthMb + 20,
    notes: `server RSS +${mb(measured.growthMb)} (${small.cities.toLocaleString('en-GB')} cities: +${mb(reference.growthMb)}, ${seconds(reference.ms)}); ${measured.lines.toLocaleString('en-GB')} lines`,
  }
}
