import { wordingTranslator } from '../i18n/wordingScope'
import { formatCount } from './wording'

/**
 * How the answers to a number question spread (staff, population, team age): counted into bins
 * of a round width, with the median and range stated in words. Counts come as cities per value
 * (aggregate counts keyed by the value), so no list of answers is kept.
 */

export interface Bin {
  /** The bin's key as its bar's data-option: "10-20" (from, to). */
  key: string
  /** "10–19" for whole numbers, "10 to under 20" otherwise. */
  label: string
  from: number
  /** Exclusive, except for the last bin, which includes the largest value. */
  to: number
  count: number
}

export interface Distribution {
  answered: number
  min: number
  max: number
  median: number
  bins: Bin[]
}

/** At most this many bins: enough to show a shape, few enough to read on a phone. */
const MOST_BINS = 8

/** The smallest width of 1, 2 or 5 × 10^k that covers the span in MOST_BINS bins. */
function roundWidth(span: number, whole: boolean): number {
  if (span <= 0) return 1
  const rough = span / MOST_BINS
  let width = 10 ** Math.floor(Math.log10(rough))
  for (const step of [1, 2, 5, 10]) {
    if (step * width >= rough) {
      width *= step
      break
    }
  }
  return whole ? Math.max(1, width) : width
}

/**
 * Values spread over orders of magnitude (populations of 30,000 to 5 million): bins of equal width
 * would put nearly every city in the first, so the bounds grow as 1, 2, 5 × 10^k instead.
 */
const SKEWED = 20

/** The 1, 2, 5 × 10^k bounds from the largest not above min to the first above max. */
function growingBounds(min: number, max: number): number[] {
  const round = (k: number, step: number): number => Number((step * 10 ** k).toPrecision(12))
  const bounds: number[] = []
  for (let k = Math.floor(Math.log10(min)); bounds.length === 0 || bounds[bounds.length - 1] <= max; k++)
    for (const step of [1, 2, 5]) {
      const bound = round(k, step)
      if (bound > max && bounds.length > 0 && bounds[bounds.length - 1] > max) break
      if (bound <= min) bounds.splice(0, bounds.length, bound)
      else bounds.push(bound)
    }
  return bounds
}

/** Equal widths from a round start. */
function equalBounds(min: number, max: number, whole: boolean): number[] {
  const width = roundWidth(max - min, whole)
  const start = Math.floor(min / width) * width
  const count = Math.max(1, Math.floor((max - start) / width) + 1)
  // Rounded so that 0.1 + 0.2 does not label a bin "0.30000000000000004".
  return Array.from({ length: count + 1 }, (_, index) => Number((start + index * width).toPrecision(12)))
}

/** How a value is written: "159,000", or a year as "2019". */
export type NumberFormat = (value: number) => string

function binLabel(from: number, to: number, whole: boolean, format: NumberFormat): string {
  if (!whole) return `${format(from)} to under ${format(to)}`
  if (to - from === 1) return format(from)
  return `${format(from)}–${format(to - 1)}`
}

function medianOf(sorted: Array<[number, number]>, total: number): number {
  // The value at a 0-based position, walking the counted values in order.
  const at = (position: number): number => {
    let seen = 0
    for (const [value, count] of sorted) {
      seen += count
      if (position < seen) return value
    }
    return sorted[sorted.length - 1][0]
  }
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2
}

/**
 * The distribution of counted values, or undefined below the disclosure threshold (as every
 * chart: nothing is drawn from fewer cities than the threshold).
 */
export function distribution(
  counts: Record<string, number>,
  threshold: number,
  format: NumberFormat = formatCount,
): Distribution | undefined {
  const values = Object.entries(counts)
    .map(([value, count]): [number, number] => [Number(value), count])
    .filter(([value, count]) => Number.isFinite(value) && count > 0)
    .sort((a, b) => a[0] - b[0])
  const answered = values.reduce((sum, [, count]) => sum + count, 0)
  if (values.length === 0 || answered < threshold) return undefined
  const min = values[0][0]
  const max = values[values.length - 1][0]
  const whole = values.every(([value]) => Number.isInteger(value))
  const bounds =
    whole && min > 0 && max / min >= SKEWED ? growingBounds(min, max) : equalBounds(min, max, whole)
  const bins: Bin[] = bounds.slice(0, -1).map((from, index) => {
    const to = bounds[index + 1]
    return { key: `${from}-${to}`, label: binLabel(from, to, whole, format), from, to, count: 0 }
  })
  for (const [value, count] of values) {
    const bin = binOf(bins, value)
    if (bin) bin.count += count
  }
  return { answered, min, max, median: medianOf(values, answered), bins }
}

/** The bin a city's value falls in, to mark it on its profile. */
export function binOf<B extends Pick<Bin, 'from' | 'to'>>(bins: B[], value: number): B | undefined {
  return bins.find((bin, index) => value >= bin.from && (value < bin.to || index === bins.length - 1))
}

/** "Median 40 people; range 3 to 250 people." */
export function distributionWords(
  d: Distribution,
  unit: string | undefined,
  format: NumberFormat = formatCount,
): string {
  const withUnit = (value: number): string => format(value) + (unit ? ` ${unit}` : '')
  return wordingTranslator()('profileWords.distributionSummary', {
    median: withUnit(d.median),
    min: format(d.min),
    max: withUnit(d.max),
  })
}
