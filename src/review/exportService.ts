import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'
import { z } from 'zod'
import type { Edition, EditionsRepository } from '../questionnaire/editionsRepository'
import { BadRequestError, NotFoundError } from '../shared/errors'
import { nowIso } from '../shared/clock'
import { answersReader } from './answersOf'
import { visibleAnswers } from '../questionnaire/visibility'
import type { AnswerRow } from '../questionnaire/answerCodec'
import { codebookHeader, codebookRows, exportColumns, exportRow, headerRow, type Cell } from './exportColumns'
import { neutralise } from '../questionnaire/answerColumns'
import type { ExportRepository, ExportResponse, ExportScope } from './exportRepository'
import { fixedIdentity, type IdentitySource } from '../shared/identity'

/** Responses per read: ~60 answer rows each, so a batch is a few MB whatever the edition's size. */
const BATCH = 500
const scopeSchema = z.enum(['approved', 'all']).default('approved')

/** Reads the `scope` query value: approved responses only (the default) or all of them. */
export function parseScope(value: unknown): ExportScope {
  const parsed = scopeSchema.safeParse(value === '' ? undefined : value)
  if (!parsed.success)
    throw new BadRequestError('Choose approved or all responses (scope=approved or scope=all)')
  return parsed.data
}

const safeRow = (cells: Cell[]): Cell[] => cells.map(neutralise)

/**
 * A response's answers as they count: an answer hidden by a later change (a condition no
 * longer met) is kept in the database but is not exported, as it is not counted anywhere.
 */
function countedAnswers(edition: Edition) {
  const answersOf = answersReader(edition.definition)
  return (rows: AnswerRow[]) => visibleAnswers(edition.definition, answersOf(rows))
}

/** Text gathered into chunks of about 64 KB: one write to the socket per chunk, not per city. */
async function* chunked(texts: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let chunk = ''
  for await (const text of texts) {
    chunk += text
    if (chunk.length >= size) {
      yield chunk
      chunk = ''
    }
  }
  if (chunk) yield chunk
}

/** The edition's exports: CSV, XLSX (answers and codebook), JSON and the codebook CSV, all streamed. */
export function exportService(deps: {
  editions: EditionsRepository
  exports: ExportRepository
  batchSize?: number
  /** Where the files' names start (the survey year's file prefix); by default the innovation survey's. */
  identity?: IdentitySource
}) {
  const batchSize = deps.batchSize ?? BATCH
  const identity = deps.identity ?? fixedIdentity()
  const find = async (year: number): Promise<Edition> => {
    const edition = await deps.editions.findByYear(year)
    if (!edition) throw new NotFoundError(`There is no survey year ${year}`)
    return edition
  }

  /**
   * Responses one batch at a time, in response order. The next batch is asked for before
   * this one is handed on, so the database reads it while the rows are being written.
   */
  async function* responses(edition: Edition, scope: ExportScope): AsyncGenerator<ExportResponse> {
    const read = (afterId: number) => {
      const batch = deps.exports.batch(edition.id, scope, afterId, batchSize)
      // Marked handled at once: while the rows before it are written (to a slow client, say), a
      // failed read ahead must not be an unhandled rejection, which would end the process.
      // It still fails the export when awaited below; if the client went away, nobody asks.
      batch.catch(() => undefined)
      return batch
    }
    let next: Promise<ExportResponse[]> | undefined = read(0)
    while (next) {
      const batch: ExportResponse[] = await next
      next = batch.length === batchSize ? read(batch[batch.length - 1].id) : undefined
      yield* batch
    }
  }

  async function* wideRows(edition: Edition, scope: ExportScope): AsyncGenerator<Cell[]> {
    const columns = exportColumns(edition.definition)
    const counted = countedAnswers(edition)
    yield headerRow(columns)
    for await (const response of responses(edition, scope)) {
      yield safeRow(exportRow(columns, response.meta, counted(response.rows)))
    }
  }

  const prefixOf = async (edition: Edition) => (await identity.forYear(edition.year)).filePrefix

  return {
    find,
    /** "city-innovation-survey-2020-approved.csv": the survey year's file prefix, year, scope. */
    fileName: async (edition: Edition, scope: ExportScope, ext: string) =>
      `${await prefixOf(edition)}-${edition.year}-${scope}.${ext}`,
    /** "city-innovation-survey-2020-codebook.csv". */
    codebookFileName: async (edition: Edition) => `${await prefixOf(edition)}-${edition.year}-codebook.csv`,

    /** One row per city, one column per question, option, row or item; text neutralised. */
    async csv(edition: Edition, scope: ExportScope, out: Writable): Promise<void> {
      await pipeline(Readable.from(wideRows(edition, scope)), stringify({ bom: true }), out)
    },

    /** The codebook alone: what each column means. */
    async codebookCsv(edition: Edition, out: Writable): Promise<void> {
      const rows = [[...codebookHeader], ...codebookRows(exportColumns(edition.definition)).map(safeRow)]
      await pipeline(Readable.from(rows), stringify({ bom: true }), out)
    },

    /** The same rows as the CSV in a first sheet, the codebook in a second ("Codebook"). */
    async xlsx(edition: Edition, scope: ExportScope, out: Writable): Promise<void> {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        stream: out,
        useStyles: false,
        useSharedStrings: false,
      })
      const sheet = workbook.addWorksheet('Responses')
      for await (const row of wideRows(edition, scope)) sheet.addRow(row).commit()
      sheet.commit()
      const codebook = workbook.addWorksheet('Codebook')
      codebook.addRow([...codebookHeader]).commit()
      for (const row of codebookRows(exportColumns(edition.definition)))
        codebook.addRow(safeRow(row)).commit()
      codebook.commit()
      await workbook.commit()
    },

    /** Every response in full (answers as typed values) with its status, as one JSON document. */
    async json(edition: Edition, scope: ExportScope, out: Writable): Promise<void> {
      async function* chunks(): AsyncGenerator<string> {
        const head = {
          year: edition.year,
          title: edition.title,
          status: edition.status,
          scope,
          exportedAt: nowIso(),
        }
        yield `{"edition":${JSON.stringify(head)},"responses":[`
        const counted = countedAnswers(edition)
        let first = true
        for await (const response of responses(edition, scope)) {
          const { status, submittedAt, approvedAt, ...city } = response.meta
          const answers = Object.fromEntries(counted(response.rows))
          yield (first ? '' : ',') + JSON.stringify({ city, status, submittedAt, approvedAt, answers })
          first = false
        }
        yield ']}'
      }
      await pipeline(Readable.from(chunked(chunks())), out)
    },
  }
}

export type ExportService = ReturnType<typeof exportService>
