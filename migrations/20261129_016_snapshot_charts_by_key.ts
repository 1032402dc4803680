import crypto from 'node:crypto'
import type { Knex } from 'knex'

// Profile snapshots format 2: a chart block names the edition's chart and the city's own options
// instead of embedding the chart (drawn once per edition, in edition_aggregates). Data only; the
// conversion is written out here, not imported, so it stays what it was when it ran.

interface StoredChart {
  questionKey: string
  svg: string
  own: string[]
}
type StoredBlock = { kind: string; chart?: StoredChart; questionKey?: string; own?: string[] }
interface Snapshot {
  format: number
  sections: Array<{ blocks: StoredBlock[] }>
}

const PAGE = 200
const sha256 = (text: string): string => crypto.createHash('sha256').update(text).digest('hex')
const escapeKey = (key: string): string =>
  key.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`)

/** Rewrites every snapshot of the given format, a page of rows at a time. */
async function convert(
  knex: Knex,
  from: number,
  rewrite: (snapshot: Snapshot, editionId: number) => Promise<Snapshot>,
): Promise<void> {
  let after = { edition: -1, city: -1 }
  for (;;) {
    const rows: Array<{ edition_id: number; city_id: number; content: string }> = await knex(
      'profile_snapshots',
    )
      .where((q) =>
        q
          .where('edition_id', '>', after.edition)
          .orWhere((same) => same.where('edition_id', after.edition).andWhere('city_id', '>', after.city)),
      )
      .orderBy(['edition_id', 'city_id'])
      .limit(PAGE)
      .select('edition_id', 'city_id', 'content')
    if (rows.length === 0) return
    for (const row of rows) {
      const snapshot = JSON.parse(row.content) as Snapshot
      if (snapshot.format !== from) continue
      const content = JSON.stringify(await rewrite(snapshot, Number(row.edition_id)))
      await knex('profile_snapshots')
        .where({ edition_id: row.edition_id, city_id: row.city_id })
        .update({ content, content_hash: sha256(content) })
    }
    const last = rows[rows.length - 1]
    after = { edition: Number(last.edition_id), city: Number(last.city_id) }
  }
}

const mapBlocks = (snapshot: Snapshot, format: number, map: (block: StoredBlock) => StoredBlock[]) => ({
  ...snapshot,
  format,
  sections: snapshot.sections.map((section) => ({ ...section, blocks: section.blocks.flatMap(map) })),
})

export async function up(knex: Knex): Promise<void> {
  await convert(knex, 1, async (snapshot) =>
    mapBlocks(snapshot, 2, (block) =>
      block.kind === 'chart' && block.chart
        ? [{ kind: 'chart', questionKey: block.chart.questionKey, own: block.chart.own }]
        : [block],
    ),
  )
}

// Back to format 1: each chart block embeds the edition's chart with the city's bars marked.
export async function down(knex: Knex): Promise<void> {
  const charts = new Map<number, Record<string, Omit<StoredChart, 'own'>>>()
  const chartsOf = async (editionId: number) => {
    if (!charts.has(editionId)) {
      const row = await knex('edition_aggregates').where({ edition_id: editionId }).first('content')
      charts.set(editionId, row ? JSON.parse(row.content).charts : {})
    }
    return charts.get(editionId)!
  }
  await convert(knex, 2, async (snapshot, editionId) => {
    const edition = await chartsOf(editionId)
    return mapBlocks(snapshot, 1, (block) => {
      if (block.kind !== 'chart') return [block]
      const chart = edition[block.questionKey ?? '']
      if (!chart) return []
      const own = block.own ?? []
      let svg = chart.svg
      for (const key of own)
        svg = svg
          .split(`class="bar" data-option="${escapeKey(key)}"`)
          .join(`class="bar bar--own" data-option="${escapeKey(key)}"`)
      return [{ kind: 'chart', chart: { ...chart, svg, own } }]
    })
  })
}
