import { wordingTranslator } from '../i18n/wordingScope'
/**
 * Horizontal bar charts as HTML rows (DESIGN §4, public-site.md "Charts"): each row is a label,
 * a bar and its value, so text keeps its CSS size at any width (an SVG scaled by a viewBox shrank
 * 13 px labels to about 7 px on a phone). Only the bar itself is an SVG, sized in percent and
 * hidden from assistive technology; its value is also in the row as text.
 *
 * Each row is <li class="bar" data-option="key">, so a city's profile highlights its own answers
 * by markup (highlightBars) and a chart is drawn once per edition and question.
 */

export interface Bar {
  key: string
  label: string
  value: number
  /** Written at the end of the bar, e.g. "47 cities". */
  valueLabel: string
  /** A footnote marker set on the label it explains, e.g. "*". */
  marker?: string
}

export interface BarChartSpec {
  /** Unique on the page; the chart's id. */
  id: string
  title: string
  /** Not drawn: the rows are text, and the figure's table repeats them. */
  description: string
  bars: Bar[]
  /** Keep the bars in the given order (a distribution's bins) instead of sorting by count. */
  ordered?: boolean
}

/** The longest bar's share of the row, leaving room after it for its value label. */
const LONGEST = 70

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for SVG/HTML content and attribute values. */
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c])

/** Answers that say "none of these" sit at the end whatever their count. */
const lastKeys = new Set(['other', 'dont_know', 'none', 'not_sure'])
const isLast = (bar: { key: string; label: string }): boolean =>
  lastKeys.has(bar.key) || /^(other|don[’']t know|none)\b/i.test(bar.label)

/** Largest count first, "Other" and "Don't know" last; ties keep the questionnaire's order. */
export function orderBars<T extends { key: string; label: string }>(
  bars: T[],
  value: (bar: T) => number,
): T[] {
  return bars
    .map((bar, index) => ({ bar, index }))
    .sort(
      (a, b) =>
        Number(isLast(a.bar)) - Number(isLast(b.bar)) || value(b.bar) - value(a.bar) || a.index - b.index,
    )
    .map(({ bar }) => bar)
}

/** The markup a row of this option carries: the one string highlightBars substitutes. */
const barAttributes = (key: string): string => `class="bar" data-option="${escapeXml(key)}"`

/** Renders the chart, bars sorted by count (orderBars) unless `ordered`. */
export function renderBarChart(spec: BarChartSpec): string {
  const max = Math.max(1, ...spec.bars.map((bar) => bar.value))
  const id = escapeXml(spec.id)
  const bars = spec.ordered ? spec.bars : orderBars(spec.bars, (bar) => bar.value)
  const rows = bars.map((bar) => {
    const width = Math.round((bar.value / max) * LONGEST * 10) / 10
    const marker = bar.marker ? `<sup class="cis-bars__marker">${escapeXml(bar.marker)}</sup>` : ''
    const value = escapeXml(bar.valueLabel)
    return (
      `<li ${barAttributes(bar.key)}>` +
      `<span class="cis-bars__label">${escapeXml(bar.label)}${marker}<span class="visually-hidden">: ${value}</span></span>` +
      `<svg class="cis-bars__bar" aria-hidden="true" focusable="false">` +
      `<rect class="cis-bars__fill" width="${width}%" height="100%"></rect>` +
      `<text class="cis-bars__value" x="${width}%" dx="6" y="50%" dy="0.35em">${value}</text></svg>` +
      `</li>`
    )
  })
  return `<div class="cis-chart" id="${id}">` + `<ol class="cis-bars">${rows.join('')}</ol>` + `</div>`
}

/** Marks the rows of the given options as the city's own (class "bar--own"), without redrawing. */
export function highlightBars(svg: string, keys: string[]): string {
  let result = svg
  for (const key of keys) {
    result = result.split(barAttributes(key)).join(`class="bar bar--own" data-option="${escapeXml(key)}"`)
  }
  return result
}

/** The bars as one sentence (kept for text alternatives). */
export function describeBars(bars: Bar[]): string {
  const listed = bars.map((bar) => `${bar.label}: ${bar.valueLabel}`).join('; ')
  return wordingTranslator()('profileWords.barsDescription', { bars: listed })
}
