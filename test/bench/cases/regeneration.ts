import { runTs } from '../processes'
import { SYNTHETIC_YEAR } from '../syntheticData'
import { mb, seconds, type Row } from '../table'

interface Regenerated {
  ms: number
  peakMb: number
  baseMb: number
}

const regenerate = async (file: string): Promise<Regenerated> => {
  const output = (await runTs('test/bench/regenerate.ts', [file, String(SYNTHETIC_YEAR)]))
    .trim()
    .split('\n')
    .pop()!
  return JSON.parse(output) as Regenerated
}

const label = (cities: number) =>
  `Regenerate ${SYNTHETIC_YEAR} profiles, ${cities.toLocaleString('en-GB')} cities`

/**
 * Regeneration of one edition, each size in a process of its own (so its peak memory is
 * its own): 10 × the cities may take at most 11 × the time (linear), under 10 s and
 * 300 MB; with `--large` (10 000 → 100 000 cities, a national survey of every municipality)
 * no limit of time but the ratio, and 400 MB.
 */
export async function regenerationCases(
  databases: Array<{ file: string; cities: number }>,
  nationalScale = false,
): Promise<Row[]> {
  const [small, large] = databases
  // Linear with 10 % slack: 11 × for 10 × the cities (the issue's 1 000 → 10 000).
  const limit = 1.1 * (large.cities / small.cities)
  const limitSeconds = nationalScale ? Infinity : 10
  const peakMb = nationalScale ? 400 : 300
  const goal = `time ≤ ${limit.toFixed(1)} × reference${nationalScale ? '' : `, < ${limitSeconds} s`}, peak < ${peakMb} MB`
  const reference = await regenerate(small.file)
  const measured = await regenerate(large.file)
  const ratio = measured.ms / reference.ms
  const memory = (r: Regenerated) => `peak RSS ${mb(r.peakMb)} (${mb(r.baseMb)} before)`
  return [
    {
      name: label(small.cities),
      rps: (small.cities / reference.ms) * 1000,
      p50: seconds(reference.ms),
      goal: 'reference',
      notes: `cities/s; ${memory(reference)}`,
    },
    {
      name: label(large.cities),
      rps: (large.cities / measured.ms) * 1000,
      p50: seconds(measured.ms),
      referenceRps: (small.cities / reference.ms) * 1000,
      ratio,
      goal,
      met: ratio <= limit && measured.ms < limitSeconds * 1000 && measured.peakMb < peakMb,
      notes: `cities/s; ratio is of times; ${memory(measured)}`,
    },
  ]
}
