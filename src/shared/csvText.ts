/**
 * CSV text written by hand for the large exports: the bytes csv-stringify writes with its
 * defaults (comma, `"` quotes doubled inside, a field quoted only when it holds a quote, a comma,
 * LF or CR, every record ended by LF, null and undefined empty), about ten times faster, so an
 * export of 100 000 cities is not spent in the library's per-field options. Tested against
 * csv-stringify itself (test/unit/csvText.test.ts).
 */

/** The UTF-8 byte-order mark csv-stringify's `bom` option writes first. */
export const BOM = '\ufeff'

const needsQuotes = /[",\n\r]/
const quote = /"/g

/** One field: text as is, or quoted when it holds a quote, comma or line break. */
export function csvField(cell: string | number | null | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return String(cell)
  return needsQuotes.test(cell) ? `"${cell.replace(quote, '""')}"` : cell
}

/** One record with its line end (joined, not concatenated: one flat string, quick to write). */
export function csvRecord(cells: ReadonlyArray<string | number | null | undefined>): string {
  const fields = new Array<string>(cells.length)
  for (let i = 0; i < cells.length; i++) fields[i] = csvField(cells[i])
  return fields.join(',') + '\n'
}
