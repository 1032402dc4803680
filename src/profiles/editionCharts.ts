import { OTHER } from '../questionnaire/answerCodec'
import type { Definition, Option, Question } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'
import { typeModule } from '../questionnaire/types'
import { describeBars, renderBarChart, type Bar } from './barChart'
import { distributionChart } from './distributionChart'
import { availabilityFootnote, chartOptions, offeredBase, offeredBaseNote } from './footnotes'
import type { BasisInfo, ChartContent, QuestionAggregate } from './profileContent'
import { citiesText, roundedPercent } from './wording'
import { answerWord, wordingTranslator } from '../i18n/wordingScope'

/** A chart id safe for HTML ids: "budget.items" → "chart-budget-items". */
export const chartId = (key: string): string => `chart-${key.replace(/[^a-z0-9]+/gi, '-')}`

interface Series {
  chartKey: string
  title: string
  rows: Array<{ key: string; label: string; countKey: string; option?: Option }>
  footnote?: string
}

const optionRows = (options: Option[], suffix = ''): Series['rows'] =>
  options.map((option) => ({ key: option.key, label: option.label, countKey: option.key + suffix, option }))

/** What to draw for a question, by the chart kind its type chooses (src/questionnaire/types). */
function seriesOf(question: Question, years: number[], aggregate: QuestionAggregate): Series[] {
  const title = question.profile?.chart?.title ?? question.label
  const kind = typeModule(question.type).chart
  switch (kind) {
    case 'none':
    case 'distribution': // drawn by distributionChart
      return []
    case 'yesno':
      return [
        {
          chartKey: question.key,
          title,
          rows: [
            { key: 'yes', label: answerWord('yes'), countKey: 'yes' },
            { key: 'no', label: answerWord('no'), countKey: 'no' },
          ],
        },
      ]
    case 'options': {
      const rows = optionRows(chartOptions(question, years))
      if ('other' in question && question.other)
        rows.push({ key: OTHER, label: answerWord('other'), countKey: OTHER })
      return [{ chartKey: question.key, title, rows, footnote: availabilityFootnote(question, years) }]
    }
    case 'perColumn':
      return question.type === 'matrix'
        ? question.columns.map((column) => ({
            chartKey: `${question.key}=${column.key}`,
            title: `${question.label}: ${column.label}`,
            rows: optionRows(chartOptions(question, years), `=${column.key}`),
          }))
        : []
    case 'topOfScale': {
      if (question.type !== 'rating') return []
      const top = question.scale[question.scale.length - 1]
      return [
        {
          chartKey: `${question.key}=${top.key}`,
          title: `${question.label}: ${top.label}`,
          rows: optionRows(chartOptions(question, years), `=${top.key}`),
        },
      ]
    }
    case 'rankedFirst':
      return [
        {
          chartKey: `${question.key}=1`,
          title: wordingTranslator()('profileWords.rankedFirst', { question: question.label }),
          rows: optionRows(chartOptions(question, years), '=1'),
        },
      ]
    case 'byValue': {
      // One bar per value the answers count towards (a date's year), in order.
      const values = Object.keys(aggregate.counts).sort()
      return [
        {
          chartKey: question.key,
          title,
          rows: values.map((value) => ({ key: value, label: value, countKey: value })),
        },
      ]
    }
  }
}

function drawSeries(questionKey: string, series: Series, aggregate: QuestionAggregate): ChartContent {
  const rows = series.rows.map((row) => {
    const count = aggregate.counts[row.countKey] ?? 0
    const base = offeredBase(aggregate, row.option)
    return {
      key: row.key,
      label: row.label,
      count,
      share: roundedPercent(count, base ?? aggregate.answered),
      ...(base === undefined ? {} : { base }),
    }
  })
  const offered = rows.some((row) => row.base !== undefined)
  const bars: Bar[] = rows.map((row) => ({
    key: row.key,
    label: row.label,
    value: row.count,
    valueLabel: citiesText(row.count),
    // The availability footnote quotes the labels it explains: they carry its marker.
    ...(series.footnote?.includes(`"${row.label}"`) ? { marker: '*' } : {}),
  }))
  const svg = renderBarChart({
    id: chartId(series.chartKey),
    title: series.title,
    description: describeBars(bars),
    bars,
  })
  return {
    questionKey,
    title: series.title,
    svg,
    rows,
    answered: aggregate.answered,
    ...(series.footnote ? { footnote: series.footnote } : {}),
    ...(offered ? { baseNote: offeredBaseNote() } : {}),
  }
}

/**
 * Every chart of an edition, drawn once: keyed by question key (or "key=column" for grids).
 * Nothing is drawn below the disclosure threshold.
 */
export function editionCharts(
  definition: Definition,
  basis: BasisInfo,
  aggregates: Record<string, QuestionAggregate>,
): Record<string, ChartContent> {
  const charts: Record<string, ChartContent> = {}
  if (basis.suppressed) return charts
  const years = basis.years.length > 0 ? basis.years : [definition.year]
  for (const { question } of allQuestions(definition)) {
    const aggregate = aggregates[question.key]
    if (!aggregate || aggregate.answered < basis.threshold) continue
    if (typeModule(question.type).chart === 'distribution') {
      const chart = distributionChart(question, chartId(question.key), aggregate, basis.threshold)
      if (chart) charts[question.key] = chart
      continue
    }
    for (const series of seriesOf(question, years, aggregate))
      charts[series.chartKey] = drawSeries(question.key, series, aggregate)
  }
  return charts
}
