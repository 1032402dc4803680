import type { Question } from '../questionnaire/definitionSchema'
import { describeBars, renderBarChart, type Bar } from './barChart'
import { distribution, distributionWords } from './distribution'
import type { ChartContent, QuestionAggregate } from './profileContent'
import { citiesText, roundedPercent } from './wording'

/**
 * A number or year question's chart: a bar per bin, in order of value, with the median and range in words.
 * Undefined below the disclosure threshold, as every chart.
 */
export function distributionChart(
  question: Question,
  id: string,
  aggregate: QuestionAggregate,
  threshold: number,
): ChartContent | undefined {
  // Years are written as years ("2019"), other numbers with separators ("159,000").
  const format = question.type === 'year' ? String : undefined
  const found = distribution(aggregate.counts, threshold, format)
  if (!found) return undefined
  const title = question.profile?.chart?.title ?? question.label
  const unit = question.type === 'number' ? question.unit : undefined
  const bars: Bar[] = found.bins.map((bin) => ({
    key: bin.key,
    label: bin.label,
    value: bin.count,
    valueLabel: citiesText(bin.count),
  }))
  const summary = distributionWords(found, unit, format)
  return {
    questionKey: question.key,
    title,
    svg: renderBarChart({ id, title, description: `${summary} ${describeBars(bars)}`, bars, ordered: true }),
    rows: found.bins.map((bin) => ({
      key: bin.key,
      label: bin.label,
      count: bin.count,
      share: roundedPercent(bin.count, found.answered),
    })),
    answered: found.answered,
    ordered: true,
    distribution: { summary, bins: found.bins.map(({ key, from, to }) => ({ key, from, to })) },
  }
}
