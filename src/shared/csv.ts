/**
 * CSV text the way csv-stringify writes it with its defaults (comma, `\n` after each record,
 * quotes only where needed), for exports where its per-cell options cost more than the data:
 * a cell is quoted when it holds a quote, comma, CR or LF, and its quotes are doubled.
 */

export type CsvCell = string | number | null | undefined

/** Byte-order mark, so spreadsheet programs read the file as UTF-8. */
export const CSV_BOM = '\ufeff'

const needsQuotes = /[",\r\n]/
const quotes = /"/g

function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return String(cell)
  return needsQuotes.test(cell) ? `"${cell.replace(quotes, '""')}"` : cell
}

/** One record, ending with its line feed. */
export function csvLine(cells: readonly CsvCell[]): string {
  let line = cells.length > 0 ? csvCell(cells[0]) : ''
  for (let i = 1; i < cells.length; i++) line += ',' + csvCell(cells[i])
  return line + '\n'
}
