import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import type { Edition, EditionsRepository } from '../../src/questionnaire/editionsRepository'
import type { ExportRepository, ExportResponse } from '../../src/review/exportRepository'
import { exportService } from '../../src/review/exportService'
import { everyTypeDefinition } from '../support/reviewFactories'

const edition = {
  id: 1,
  year: 2020,
  title: 'Test',
  status: 'closed',
  definition: everyTypeDefinition(),
} as Edition

const response = (id: number): ExportResponse => ({
  id,
  meta: {
    slug: `city-${id}`,
    name: id === 2 ? '=Formula town' : `City ${id}`,
    country: 'Testland',
    iso3: 'TST',
    region: 'Europe',
    status: 'approved',
    submittedAt: null,
    approvedAt: null,
  },
  rows: [
    { questionKey: 'q.count', optionKey: '', text: null, number: -id, note: null },
    { questionKey: 'q.yes', optionKey: 'yes', text: null, number: null, note: null },
  ],
})

/** A repository over `count` responses that records each read (the keyset it was asked from). */
function fakeExports(count: number) {
  const all = Array.from({ length: count }, (_, i) => response(i + 1))
  const reads: number[] = []
  const exports: ExportRepository = {
    async batch(_editionId, _scope, afterId, limit) {
      reads.push(afterId)
      return all.filter((r) => r.id > afterId).slice(0, limit)
    },
  }
  return { exports, reads }
}

async function csvOf(count: number) {
  const { exports, reads } = fakeExports(count)
  const service = exportService({ editions: {} as EditionsRepository, exports, batchSize: 2 })
  let text = ''
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString()
      done()
    },
  })
  await service.csv(edition, 'approved', out)
  return { records: parse(text, { columns: true, bom: true }) as Record<string, string>[], reads }
}

describe('export paging', () => {
  it('when responses fill several batches, then every city comes once, in order, each batch read after the last id', async () => {
    const { records, reads } = await csvOf(5)
    expect(records.map((r) => r.city_slug)).toEqual(['city-1', 'city-2', 'city-3', 'city-4', 'city-5'])
    expect(reads).toEqual([0, 2, 4])
    expect(records.map((r) => r['q.count'])).toEqual(['-1', '-2', '-3', '-4', '-5'])
    expect(records[1].city_name).toBe("'=Formula town")
  })

  it('when the last batch is exactly full, then one more read finds nothing and the export ends', async () => {
    const { records, reads } = await csvOf(4)
    expect(records).toHaveLength(4)
    expect(reads).toEqual([0, 2, 4])
  })

  it('when there are no responses, then the export is the header alone', async () => {
    const { records, reads } = await csvOf(0)
    expect(records).toEqual([])
    expect(reads).toEqual([0])
  })

  it('when a read ahead fails while a slow client is still taking rows, then the export fails with it and nothing else does', async () => {
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      const exports: ExportRepository = {
        async batch(_editionId, _scope, afterId, limit) {
          if (afterId === 0) return Array.from({ length: limit }, (_, i) => response(i + 1))
          throw new Error('connection lost')
        },
      }
      // Enough rows to fill the stream buffers, so the rows wait for the client while the read ahead fails.
      const service = exportService({ editions: {} as EditionsRepository, exports, batchSize: 1000 })
      const slow = new Writable({
        highWaterMark: 1,
        write(_chunk: Buffer, _encoding, done) {
          setTimeout(done, 1)
        },
      })
      await expect(service.csv(edition, 'approved', slow)).rejects.toThrow('connection lost')
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', record)
    }
  })
})
