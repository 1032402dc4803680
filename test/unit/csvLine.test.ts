import { describe, expect, it } from 'vitest'
import { stringify } from 'csv-stringify/sync'
import { CSV_BOM, csvLine, type CsvCell } from '../../src/shared/csv'

const awkward: CsvCell[][] = [
  ['plain', 'two words', '', null, undefined],
  ['a,b', 'say "hi"', '"', 'line\nbreak', 'carriage\rreturn', 'both\r\n'],
  [0, -5, 3.25, -0.5, 1e21, 0.1 + 0.2, 123456789012],
  ['\'=HYPERLINK("http://x")', '  padded  ', 'tab\tinside', 'Zürich – Ōsaka 東京 😀'],
  [],
  [''],
]

describe('csv lines', () => {
  it('when cells need quoting or are numbers, empty or missing, then the text is what csv-stringify writes', () => {
    for (const row of awkward) expect(csvLine(row), JSON.stringify(row)).toBe(stringify([row]))
    expect(CSV_BOM + awkward.map(csvLine).join('')).toBe(stringify(awkward, { bom: true }))
  })

  it('when a cell holds quotes and a comma, then it is quoted once with its quotes doubled', () => {
    expect(csvLine(['x', 'He said "no", twice', 7])).toBe('x,"He said ""no"", twice",7\n')
  })
})
