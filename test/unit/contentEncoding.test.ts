import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { encodedVariants, preferredEncoding, variantTag } from '../../src/web/contentEncoding'

describe('preferredEncoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['deflate', 'identity'],
    ['br;q=0, gzip;q=0.5', 'gzip'],
    ['BR;Q=0.1', 'br'],
    ['*', 'br'],
    ['*;q=0', 'identity'],
    ['br;q=0, *', 'gzip'],
    ['gzip;q=0, br;q=0, identity', 'identity'],
    ['identity', 'identity'],
  ])('when Accept-Encoding is %j, then the answer is %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected)
  })
})

describe('variantTag', () => {
  it('when the body is encoded, then the tag names the encoding inside its quotes; plain keeps the tag', () => {
    expect(variantTag('"abc"', 'br')).toBe('"abc-br"')
    expect(variantTag('"abc"', 'gzip')).toBe('"abc-gzip"')
    expect(variantTag('"abc"', 'identity')).toBe('"abc"')
  })
})

describe('encodedVariants', () => {
  it('when a variant is asked for twice, then it is made once and decodes to the bytes', async () => {
    const bytes = Buffer.from('<p>Enschede</p>'.repeat(500))
    const variants = encodedVariants(bytes)
    const br = variants.get('br')
    expect(variants.get('br')).toBe(br)
    expect(zlib.brotliDecompressSync(await br).equals(bytes)).toBe(true)
    expect(zlib.gunzipSync(await variants.get('gzip')).equals(bytes)).toBe(true)
    expect(await variants.get('identity')).toBe(bytes)
    expect((await br).length).toBeLessThan(bytes.length / 10)
  })
})
