/**
 * A small server-side SVG renderer for horizontal bar charts (DESIGN §4). Each bar is a
 * <rect class="bar" data-option="key">, so a city's profile highlights its own answers by
 * markup (highlightBars) and a chart is drawn once per edition and question.
 */

export interface Bar {
  key: string
  label: string
  value: number
  /** Written at the end of the bar, e.g. "47 cities". */
  valueLabel: string
}

export interface BarChartSpec {
  /** Unique on the page; used for the title and description ids. */
  id: string
  title: string
  description: string
  bars: Bar[]
}

const WIDTH = 640
const ROW = 46
const TOP = 6
const BAR_HEIGHT = 18
/** Room right of the longest bar for its count. */
const VALUE_ROOM = 96

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for SVG/HTML content and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c])

/** The markup a bar of this option carries: the one string highlightBars substitutes. */
const barAttributes = (key: string): string => `class="bar" data-option="${escapeXml(key)}"`

/** Renders the chart; bars keep the given order. */
export function renderBarChart(spec: BarChartSpec): string {
  const max = Math.max(1, ...spec.bars.map((bar) => bar.value))
  const scale = (WIDTH - VALUE_ROOM) / max
  const height = TOP + spec.bars.length * ROW + 4
  const id = escapeXml(spec.id)
  const rows = spec.bars.map((bar, index) => {
    const y = TOP + index * ROW
    const width = Math.round(bar.value * scale * 10) / 10
    return (
      `<g class="chart-row">` +
      `<text x="0" y="${y + 13}">${escapeXml(bar.label)}</text>` +
      `<rect ${barAttributes(bar.key)} x="0" y="${y + 18}" width="${width}" height="${BAR_HEIGHT}"></rect>` +
      `<text class="value" x="${width + 6}" y="${y + 32}">${escapeXml(bar.valueLabel)}</text>` +
      `</g>`
    )
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="cis-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" focusable="false">` +
    `<title id="${id}-title">${escapeXml(spec.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(spec.description)}</desc>` +
    rows.join('') +
    `</svg>`
  )
}

/** Marks the bars of the given options as the city's own (class "bar--own"), without redrawing. */
export function highlightBars(svg: string, keys: string[]): string {
  let result = svg
  for (const key of keys) {
    result = result.split(barAttributes(key)).join(`class="bar bar--own" data-option="${escapeXml(key)}"`)
  }
  return result
}

/** The bars as one sentence, for the chart's <desc>. */
export function describeBars(bars: Bar[]): string {
  return `Horizontal bar chart. ${bars.map((bar) => `${bar.label}: ${bar.valueLabel}`).join('; ')}.`
}
