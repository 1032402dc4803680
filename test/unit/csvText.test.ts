import { describe, expect, it } from 'vitest'
import { stringify } from 'csv-stringify/sync'
import { BOM, csvField, csvRecord } from '../../src/shared/csvText'

/** What csv-stringify writes for the same rows with the defaults the exports used, byte-order mark included. */
const library = (rows: Array<Array<string | number | null>>) => stringify(rows, { bom: true })

describe('CSV text written by hand', () => {
  it('when cells hold quotes, commas, line breaks, empty text, nulls and numbers, then the text is csv-stringify’s, byte for byte', () => {
    const rows: Array<Array<string | number | null>> = [
      ['plain', 'with, comma', 'say "hi"', 'line\nbreak', 'carriage\rreturn', 'both\r\n', ''],
      [null, 0, -1.5, 1e21, 0.1 + 0.2, 'Türkiye', "'=SUM(A1)"],
      ['"', ',', '""', ' spaced ', 'tab\there', 'semi;colon', '\u2028'],
    ]
    expect(BOM + rows.map(csvRecord).join('')).toBe(library(rows))
  })

  it('when a field needs quotes, then each quote inside is doubled and the field is wrapped in quotes', () => {
    expect(csvField('a "b" c')).toBe('"a ""b"" c"')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('no quotes')).toBe('no quotes')
    expect(csvField(null)).toBe('')
    expect(csvField(-3)).toBe('-3')
  })

  it('when a record is written, then its fields are joined by commas and it ends with one line feed', () => {
    expect(csvRecord(['a', 1, null, 'b'])).toBe('a,1,,b\n')
  })
})
