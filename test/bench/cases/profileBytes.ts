import { PROFILE_PATH } from './publicProfile'
import { BROWSER_ACCEPT_ENCODING, getOnTheWire } from '../wire'
import type { Child } from '../processes'
import type { Row } from '../table'

const LIMIT_KB = 60

/** The profile and every asset its page makes a browser download (stylesheets, scripts, icon). */
async function firstVisit(app: Child, acceptEncoding?: string): Promise<{ bytes: number; files: string[] }> {
  const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
  const page = await getOnTheWire(app.url + PROFILE_PATH, headers)
  if (page.status !== 200) throw new Error(`${PROFILE_PATH} answered ${page.status}`)
  // The links are read from the plain page (the same page, whatever its encoding on the wire).
  const html = acceptEncoding
    ? (await getOnTheWire(app.url + PROFILE_PATH)).body.toString()
    : page.body.toString()
  const linked = [
    ...new Set(
      [...html.matchAll(/<(?:link[^>]*\shref|script[^>]*\ssrc|img[^>]*\ssrc)="(\/[^"]+)"/g)].map((m) => m[1]),
    ),
  ]
  let bytes = page.body.length
  for (const href of linked) {
    const asset = await getOnTheWire(app.url + href, headers)
    if (asset.status !== 200)
      throw new Error(`${href} (linked from ${PROFILE_PATH}) answered ${asset.status}`)
    bytes += asset.body.length
  }
  return { bytes, files: linked }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Bytes on the wire for a first-time visitor of a profile (nothing cached): HTML, CSS, JS, icon. */
export async function profileBytesCase(app: Child): Promise<Row> {
  const browser = await firstVisit(app, BROWSER_ACCEPT_ENCODING)
  const gzip = await firstVisit(app, 'gzip')
  const plain = await firstVisit(app)
  return {
    name: `Bytes a first-time visitor downloads for ${PROFILE_PATH}`,
    p50: kb(browser.bytes),
    goal: `≤ ${LIMIT_KB} KB on the wire`,
    met: browser.bytes <= LIMIT_KB * 1024,
    notes: `the page and ${browser.files.join(', ')}; brotli ${kb(browser.bytes)}, gzip only ${kb(gzip.bytes)}, uncompressed ${kb(plain.bytes)}`,
  }
}
