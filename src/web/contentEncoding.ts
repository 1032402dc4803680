import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Request, Response } from 'express'

/** The encodings the app sends: brotli, gzip, or the bytes as they are. */
export type Encoding = 'br' | 'gzip' | 'identity'

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

/** Brotli first (smaller at the same cost of decoding), then gzip; order of preference, not of the header. */
const PREFERENCE: Encoding[] = ['br', 'gzip']

/**
 * The best encoding a request accepts (RFC 9110 §12.5.3): a coding listed with q > 0, or covered by
 * `*` with q > 0 and not refused by name. No header at all, or nothing acceptable: the plain bytes.
 */
export function preferredEncoding(header: string | undefined): Encoding {
  if (!header) return 'identity'
  const weights = new Map<string, number>()
  for (const item of header.split(',')) {
    const [name, ...params] = item.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    const weight = q === undefined ? 1 : Number(q)
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0)
  }
  const star = weights.get('*')
  const accepted = (coding: Encoding) => {
    const weight = weights.get(coding) ?? (coding === 'gzip' ? weights.get('x-gzip') : undefined) ?? star
    return weight !== undefined && weight > 0
  }
  return PREFERENCE.find(accepted) ?? 'identity'
}

/** Browsers send one of a few Accept-Encoding headers: each is parsed once (up to this many kept). */
const chosenEncodings = new Map<string, Encoding>()
const KEPT_HEADERS = 64

/** The encoding this request will be answered with. */
export const requestEncoding = (req: Request): Encoding => {
  const header = req.headers['accept-encoding']
  if (header === undefined) return 'identity'
  let chosen = chosenEncodings.get(header)
  if (chosen === undefined) {
    chosen = preferredEncoding(header)
    if (chosenEncodings.size >= KEPT_HEADERS) chosenEncodings.clear()
    chosenEncodings.set(header, chosen)
  }
  return chosen
}

/**
 * A body's bytes in one encoding. Brotli at its best quality is slow (tens of ms for a profile
 * page), so it is for bytes encoded once and kept; `fast` is for a body encoded per request.
 */
export async function encodeBytes(bytes: Buffer, encoding: Encoding, fast = false): Promise<Buffer> {
  if (encoding === 'identity') return bytes
  if (encoding === 'gzip') return gzip(bytes, { level: fast ? 6 : 9 })
  return brotli(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: fast ? 5 : zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  })
}

/**
 * A body's variants, each encoded once, on first use (kept as promises, so requests arriving while
 * one is being made wait for that one).
 */
export function encodedVariants(bytes: Buffer) {
  const made = new Map<Encoding, Promise<Buffer>>()
  return {
    bytes,
    get(encoding: Encoding): Promise<Buffer> {
      let variant = made.get(encoding)
      if (!variant) {
        variant = encodeBytes(bytes, encoding)
        made.set(encoding, variant)
        // A failure is not kept: the next request tries again.
        variant.catch(() => made.delete(encoding))
      }
      return variant
    },
    /** Makes every variant now (at start), so no visitor waits for brotli. */
    async prepare(): Promise<void> {
      await Promise.all(PREFERENCE.map((encoding) => this.get(encoding)))
    },
  }
}

export type EncodedVariants = ReturnType<typeof encodedVariants>

/**
 * An entity tag per variant: the same bytes decoded, but different bytes sent, so a cache never
 * answers a gzip request with the brotli body (RFC 9110 §8.8.3). `tag` is the quoted identity tag.
 */
export function variantTag(tag: string, encoding: Encoding): string {
  if (encoding === 'identity') return tag
  return `${tag.slice(0, -1)}-${encoding}"`
}

/** Sends a variant: its encoding named, and caches told that the body depends on Accept-Encoding. */
export function sendVariant(res: Response, encoding: Encoding, body: Buffer): void {
  res.vary('Accept-Encoding')
  if (encoding !== 'identity') res.set('Content-Encoding', encoding)
  res.send(body)
}
