import fs from 'node:fs'
import path from 'node:path'
import { load, type Measured } from '../load'
import { startReference } from '../servers'
import { ms, type Row } from '../table'
import type { Child } from '../processes'
import type { Settings } from '../settings'

export const PROFILE_PATH = '/cities/enschede-nld/2020'

const row = (name: string, m: Measured, reference: Measured, goal: number, notes: string): Row => ({
  name,
  rps: m.rps,
  p50: ms(m.p50),
  p99: ms(m.p99),
  referenceRps: reference.rps,
  ratio: m.rps / reference.rps,
  goal: `≥ ${goal} × reference`,
  met: m.rps / reference.rps >= goal,
  notes,
})

/**
 * The public profile page against express.static serving the very same bytes, then the
 * revalidation (If-None-Match with the page's own ETag, so 304) against res.send('ok').
 * Each reference is measured just before its case, so both see the same machine load.
 */
export async function publicProfileCases(
  settings: Settings,
  app: Child,
  measureOk: () => Promise<Measured>,
): Promise<Row[]> {
  const first = await fetch(app.url + PROFILE_PATH)
  const page = Buffer.from(await first.arrayBuffer())
  if (first.status !== 200) throw new Error(`${PROFILE_PATH} answered ${first.status}`)

  const directory = path.join(settings.tmp, 'static')
  fs.mkdirSync(directory, { recursive: true })
  fs.writeFileSync(path.join(directory, 'profile.html'), page)
  const staticServer = await startReference('static', directory)
  let reference: Measured
  try {
    reference = await load(`${staticServer.url}/profile.html`, settings.load)
  } finally {
    await staticServer.stop()
  }
  const measured = await load(app.url + PROFILE_PATH, settings.load)
  const size = `${(page.length / 1024).toFixed(1)} KB`
  const rows = [
    row(
      `Public profile ${PROFILE_PATH}`,
      measured,
      reference,
      0.8,
      `reference: express.static, same ${size}`,
    ),
  ]

  const etag = first.headers.get('etag')
  if (!etag)
    return [
      ...rows,
      {
        name: 'Same, If-None-Match (304)',
        goal: '≥ 0.8 × reference',
        met: false,
        notes: 'the page sends no ETag',
      },
    ]
  const ok = await measureOk()
  const revalidated = await load(
    app.url + PROFILE_PATH,
    { ...settings.load, headers: { 'if-none-match': etag } },
    [304],
  )
  rows.push(row('Same, If-None-Match (304)', revalidated, ok, 0.8, "reference: res.send('ok')"))
  return rows
}
