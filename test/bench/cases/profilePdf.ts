import type { Child } from '../processes'
import { ms, type Row } from '../table'
import { PROFILE_PATH } from './publicProfile'

const PDF_PATH = `${PROFILE_PATH}.pdf`
const RUNS = 9

/**
 * Enschede's PDF profile (embedded DejaVu Sans, vector charts), one request at a time: the median
 * and slowest of a few downloads, each drawn afresh (no If-None-Match). Goal: under 300 ms.
 */
export async function profilePdfCase(app: Child): Promise<Row> {
  const times: number[] = []
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now()
    const response = await fetch(app.url + PDF_PATH)
    const bytes = (await response.arrayBuffer()).byteLength
    if (response.status !== 200 || bytes < 1000) throw new Error(`${PDF_PATH} answered ${response.status}`)
    // The first one warms up the font files and the profile's caches.
    if (i > 0) times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  return {
    name: `PDF profile ${PDF_PATH}`,
    p50: ms(median),
    p99: ms(times[times.length - 1]),
    goal: '< 300 ms',
    met: median < 300,
    notes: `median and slowest of ${RUNS} downloads, one at a time`,
  }
}
