import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'

const t = testApp()
const server = http.createServer(t.app)
let base = ''

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  // On the shared PostgreSQL database other files may have changed answers: start from fresh snapshots.
  const edition = await t.repos.editions.findByYear(2020)
  await t.services.profiles.regeneration.regenerateEdition(edition!.id)
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await t.close()
})

interface Raw {
  status: number
  headers: http.IncomingHttpHeaders
  /** The bytes as they came over the wire, not decoded. */
  body: Buffer
}

/** A GET whose body is left as sent (fetch and supertest decode it). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(base + path, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
      .on('error', reject)
  })
}

const decode = (raw: Raw): Buffer => {
  const encoding = raw.headers['content-encoding']
  if (encoding === 'br') return zlib.brotliDecompressSync(raw.body)
  if (encoding === 'gzip') return zlib.gunzipSync(raw.body)
  expect(encoding).toBeUndefined()
  return raw.body
}

const PROFILE = '/cities/enschede-nld/2020'
const SITE_CSS = '/assets/css/site.css'

describe.each([
  ['a profile page', PROFILE, 'Enschede'],
  ['the public stylesheet', SITE_CSS, '.site'],
  ['GOV.UK Frontend’s stylesheet (officer pages)', '/assets/govuk-frontend.min.css', 'govuk-'],
])('%s', (_name, path, expected) => {
  let plain: Raw
  beforeAll(async () => {
    plain = await rawGet(path)
  })

  it('when the browser asks for no encoding, then it gets the plain bytes, and caches are told they vary', () => {
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toContain(expected)
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i)
  })

  it.each([
    ['br', 'gzip, deflate, br'],
    ['gzip', 'gzip, deflate'],
    ['gzip', 'br;q=0, gzip'],
  ])(
    'when the browser accepts %s (Accept-Encoding: %s), then it gets those bytes, the same page once decoded, with a tag of their own',
    async (encoding, accept) => {
      const encoded = await rawGet(path, { 'accept-encoding': accept })
      expect(encoded.status).toBe(200)
      expect(encoded.headers['content-encoding']).toBe(encoding)
      expect(encoded.headers.vary).toMatch(/Accept-Encoding/i)
      expect(encoded.body.length).toBeLessThan(plain.body.length / 2)
      expect(decode(encoded).equals(plain.body)).toBe(true)
      expect(encoded.headers.etag).toBeTruthy()
      expect(encoded.headers.etag).not.toBe(plain.headers.etag)

      const again = await rawGet(path, { 'accept-encoding': accept, 'if-none-match': encoded.headers.etag! })
      expect(again.status).toBe(304)
      expect(again.body.length).toBe(0)
      // The plain variant's tag does not validate the compressed one.
      const other = await rawGet(path, { 'accept-encoding': accept, 'if-none-match': plain.headers.etag! })
      expect(other.status).toBe(200)
    },
  )

  it('when the browser refuses every coding it knows (identity only), then it gets the plain bytes', async () => {
    const refused = await rawGet(path, { 'accept-encoding': 'br;q=0, gzip;q=0, identity' })
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(refused.body.equals(plain.body)).toBe(true)
  })
})

describe('a first-time visitor of a profile', () => {
  it('downloads the page, its stylesheet and its script in under 60 KB with brotli, and none of GOV.UK Frontend', async () => {
    const accept = { 'accept-encoding': 'gzip, deflate, br' }
    const page = await rawGet(PROFILE, accept)
    const html = decode(page).toString()
    const linked = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/assets\/[^"]+)"/g)].map(
      (m) => m[1],
    )
    expect(linked).toContain(SITE_CSS)
    expect(linked.some((href) => href.includes('govuk'))).toBe(false)
    let bytes = page.body.length
    for (const href of linked) {
      const asset = await rawGet(href, accept)
      expect(asset.status).toBe(200)
      bytes += asset.body.length
    }
    expect(bytes).toBeLessThan(60 * 1024)
  })
})
