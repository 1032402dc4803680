import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { columnOf, importColumns, missingColumns, type ImportProblem } from './importRows'

/** The largest file the form takes (about 10,000 rows of CSV). */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024

export type ReadFile =
  { ok: true; records: Array<Record<string, string>> } | { ok: false; problems: ImportProblem[] }

const refuse = (message: string): ReadFile => ({ ok: false, problems: [{ row: 1, column: '', message }] })

/** Reads an uploaded CSV or XLSX file into records keyed by column name (all values as text). */
export async function readImportFile(fileName: string, bytes: Buffer): Promise<ReadFile> {
  const table = /\.xlsx$/i.test(fileName) ? await xlsxTable(bytes) : csvTable(bytes)
  if (!table)
    return refuse('The file could not be read. Save it as CSV (UTF-8) or Excel (.xlsx) and try again.')
  const [headings = [], ...rows] = table
  const missing = missingColumns(headings)
  if (missing.length) return { ok: false, problems: missing }
  const columns = headings.map(columnOf)
  const records = rows
    .filter((cells) => cells.some((cell) => cell.trim() !== ''))
    .map((cells) => Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ''])))
  return { ok: true, records }
}

function csvTable(bytes: Buffer): string[][] | undefined {
  try {
    return parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][]
  } catch {
    return undefined
  }
}

async function xlsxTable(bytes: Buffer): Promise<string[][] | undefined> {
  try {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    if (!sheet) return undefined
    const table: string[][] = []
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = []
      for (let c = 1; c <= importColumns.length + 5; c++) cells.push(cellText(row.getCell(c).value))
      table[number - 1] = cells
    })
    return Array.from(table, (cells) => cells ?? [])
  } catch {
    return undefined
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if (value instanceof Date) return value.toISOString().slice(0, 10)
  }
  return String(value)
}

/** The template: the headings and one example row, as CSV. */
export function templateCsv(): string {
  const example = [
    'Enschede',
    'Netherlands',
    'NLD',
    'Europe',
    '160000',
    '52.22',
    '6.89',
    'Ada Officer',
    'ada@example.org',
  ]
  return (
    '\ufeff' +
    [importColumns.map(([, label]) => label), example].map((r) => r.join(',')).join('\r\n') +
    '\r\n'
  )
}

/** The template as an Excel workbook. */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Cities')
  sheet.addRow(importColumns.map(([, label]) => label))
  sheet.addRow([
    'Enschede',
    'Netherlands',
    'NLD',
    'Europe',
    160000,
    52.22,
    6.89,
    'Ada Officer',
    'ada@example.org',
  ])
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
