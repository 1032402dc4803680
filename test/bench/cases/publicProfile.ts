import fs from 'node:fs'
import path from 'node:path'
import { load, type Measured } from '../load'
import { startReference } from '../servers'
import { ms, type Row } from '../table'
import type { Child } from '../processes'
import type { Settings } from '../settings'
import { BROWSER_ACCEPT_ENCODING, getOnTheWire } from '../wire'

/** Loads a reference server serving the profile's bytes (express.static, with or without compression). */
async function referenceLoad(
  mode: 'static' | 'compressed',
  directory: string,
  settings: Settings,
): Promise<Measured> {
  const server = await startReference(mode, directory)
  try {
    return await load(`${server.url}/profile.html`, settings.load)
  } finally {
    await server.stop()
  }
}

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
  const first = await fetch(app.url + PROFILE_PATH, {
    headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING },
  })
  const page = Buffer.from(await first.arrayBuffer())
  if (first.status !== 200) throw new Error(`${PROFILE_PATH} answered ${first.status}`)

  const directory = path.join(settings.tmp, 'static')
  fs.mkdirSync(directory, { recursive: true })
  fs.writeFileSync(path.join(directory, 'profile.html'), page)
  const reference = await referenceLoad('static', directory, settings)
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

  // As browsers ask for it: compressed. The app sends brotli made once; the reference compresses per request.
  const browser = { ...settings.load, headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING } }
  const compressedReference = await referenceLoad('compressed', directory, { ...settings, load: browser })
  const compressed = await load(app.url + PROFILE_PATH, browser)
  const sent = await getOnTheWire(app.url + PROFILE_PATH, { 'accept-encoding': BROWSER_ACCEPT_ENCODING })
  if (sent.headers['content-encoding'] !== 'br')
    throw new Error(
      `${PROFILE_PATH} was sent ${sent.headers['content-encoding'] ?? 'uncompressed'} to a browser accepting br`,
    )
  rows.push(
    row(
      'Same, compressed (Accept-Encoding: gzip, deflate, br)',
      compressed,
      compressedReference,
      1.0,
      `brotli, ${(sent.body.length / 1024).toFixed(1)} KB; reference: express.static + compression of the same ${size}`,
    ),
  )

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
    // As a browser revalidates: fetch asked for the page as browsers do, so its tag is the brotli variant's.
    { ...settings.load, headers: { 'if-none-match': etag, 'accept-encoding': BROWSER_ACCEPT_ENCODING } },
    [304],
  )
  rows.push(row('Same, If-None-Match (304)', revalidated, ok, 0.8, "reference: res.send('ok')"))
  return rows
}
