import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { Definition } from '../definitionSchema'
import { definitionTexts } from '../definitionTexts'

/**
 * The translation file of one language (issue 19): a row per text of the definition with its
 * key, where it is, its English and its translation (empty where there is none yet), as CSV or
 * as an Excel workbook. Translators fill the last column; the key column is what is read back.
 */

export const TRANSLATION_COLUMNS = ['key', 'where', 'English', 'translation'] as const

export interface TranslationRow {
  key: string
  where: string
  english: string
  translation: string
}

/** A row as read from an uploaded file, with its line (the heading is line 1). */
export interface ReadRow extends TranslationRow {
  line: number
}

/** Every text of the definition with its translation into `locale` as it stands. */
export function translationRows(definition: Definition, locale: string): TranslationRow[] {
  const own = definition.translations?.[locale] ?? {}
  return definitionTexts(definition).map((text) => ({ ...text, translation: own[text.key] ?? '' }))
}

const cellsOf = (row: TranslationRow) => [row.key, row.where, row.english, row.translation]

/** The file as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the accents). */
export function translationCsv(rows: TranslationRow[]): string {
  return '\ufeff' + stringify([[...TRANSLATION_COLUMNS], ...rows.map(cellsOf)], { record_delimiter: '\r\n' })
}

/** The file as an Excel workbook: the same columns, the translation column wide and wrapped. */
export async function translationXlsx(rows: TranslationRow[], locale: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(`Translation ${locale}`)
  sheet.columns = [
    { header: 'key', width: 40 },
    { header: 'where', width: 40 },
    { header: 'English', width: 60 },
    { header: 'translation', width: 60 },
  ]
  for (const row of rows) sheet.addRow(cellsOf(row))
  sheet.getRow(1).font = { bold: true }
  for (const column of [3, 4]) sheet.getColumn(column).alignment = { wrapText: true, vertical: 'top' }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export type ReadFile = { ok: true; rows: ReadRow[] } | { ok: false; message: string }

/** An Excel file is a zip archive: it starts with "PK". */
const isXlsx = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b

/** Reads an uploaded CSV or XLSX translation file (told apart by its content, not its name). */
export async function readTranslationFile(bytes: Buffer): Promise<ReadFile> {
  const table = isXlsx(bytes) ? await xlsxTable(bytes) : csvTable(bytes)
  if (!table)
    return { ok: false, message: 'The file could not be read. Save it as CSV (UTF-8) or Excel (.xlsx).' }
  const [headings = [], ...rest] = table
  const column = (name: string) => headings.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase())
  const [key, where, english, translation] = TRANSLATION_COLUMNS.map(column)
  if (key < 0 || translation < 0)
    return {
      ok: false,
      message: `The file needs the columns “key” and “translation” in its first row, as in a downloaded translation file (${TRANSLATION_COLUMNS.join(', ')}).`,
    }
  const cell = (cells: string[], index: number) => (index < 0 ? '' : (cells[index] ?? ''))
  const rows = rest
    .map((cells, i) => ({
      line: i + 2,
      key: cell(cells, key).trim(),
      where: cell(cells, where),
      english: cell(cells, english),
      translation: cell(cells, translation),
    }))
    .filter((row) => row.key !== '' || row.translation.trim() !== '')
  return { ok: true, rows }
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
      table[number - 1] = Array.from({ length: Math.max(row.cellCount, 4) }, (_, c) =>
        cellText(row.getCell(c + 1).value),
      )
    })
    return Array.from(table, (cells) => cells ?? [])
  } catch {
    return undefined
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
  }
  return String(value)
}
