import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { root } from './processes'

export interface Row {
  name: string
  rps?: number
  /** Latencies in ms, or a duration for the one-shot cases. */
  p50?: string
  p99?: string
  referenceRps?: number
  ratio?: number
  goal: string
  /** undefined for rows that have no goal of their own (references). */
  met?: boolean
  notes?: string
}

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? '—'
    : n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits })

export const ms = (n: number) => `${fmt(n, n < 10 ? 1 : 0)} ms`
export const seconds = (msValue: number) => `${fmt(msValue / 1000, 2)} s`
export const mb = (n: number | undefined) => (n === undefined ? '—' : `${fmt(n, 0)} MB`)

const header = ['case', 'req/s', 'p50', 'p99', 'reference req/s', 'ratio', 'goal', 'met?', 'notes']

const cells = (row: Row): string[] => [
  row.name,
  fmt(row.rps),
  row.p50 ?? '—',
  row.p99 ?? '—',
  fmt(row.referenceRps),
  row.ratio === undefined ? '—' : `${fmt(row.ratio, 2)} ×`,
  row.goal,
  row.met === undefined ? 'n/a' : row.met ? 'yes' : 'no',
  row.notes ?? '',
]

/** One Markdown table, padded so it also reads well in a terminal. */
export function renderTable(rows: Row[]): string {
  const lines = [header, ...rows.map(cells)]
  const widths = header.map((_, i) => Math.max(...lines.map((line) => line[i].length)))
  const format = (line: string[]) => `| ${line.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  return [
    format(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => format(cells(r))),
  ].join('\n')
}

/** The machine, so figures from different runs are compared like with like. */
export function machineLines(database: string, quick: boolean): string[] {
  const cpus = os.cpus()
  return [
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, ${os.platform()} ${os.release()}`,
    `Node ${process.version}; database: ${database}; mode: ${quick ? 'quick (CI smoke run)' : 'full'}; ${new Date().toISOString()}`,
  ]
}

export function writeResults(lines: string[], table: string): string {
  const file = path.join(root, 'test/bench/results/latest.md')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `# Benchmark results\n\n${lines.map((l) => `${l}  `).join('\n')}\n\n${table}\n`)
  return file
}
