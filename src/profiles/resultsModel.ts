import type { Definition, Question } from '../questionnaire/definitionSchema'
import { baseWords } from './comparison'
import { chartOptions, offeredBase } from './footnotes'
import type {
  BasisInfo,
  ChartContent,
  Facet,
  Headline,
  QuestionAggregate,
  ResultsQuestion,
  ResultsSection,
} from './profileContent'
import { notCollected, roundedPercent } from './wording'

export const questionSlug = (key: string): string => key.replace(/[._]+/g, '-')

/**
 * Counts per row and column. A matrix may leave rows blank (data the city does not collect, or
 * does not know): that is a column of its own, so the shown shares of each row add up to 100%.
 */
function grid(question: Question, aggregate: QuestionAggregate, years: number[]): ResultsQuestion['grid'] {
  if (question.type !== 'matrix' && question.type !== 'rating') return undefined
  const columns = question.type === 'matrix' ? question.columns : question.scale
  const blankColumn = question.type === 'matrix' && !question.required
  return {
    columns: [...columns.map((column) => column.label), ...(blankColumn ? [notCollected()] : [])],
    rows: chartOptions(question, years).map((row) => {
      const base = offeredBase(aggregate, row) ?? aggregate.answered
      const counts = columns.map((column) => aggregate.counts[`${row.key}=${column.key}`] ?? 0)
      if (blankColumn) counts.push(base - counts.reduce((sum, count) => sum + count, 0))
      return {
        label: row.label,
        cells: counts.map((count) => ({ count, share: roundedPercent(count, base) })),
      }
    }),
  }
}

/** A ranking's items by average rank (counts are "item=rank"), best first; ties keep the definition's order. */
function averageRanks(
  question: Question,
  aggregate: QuestionAggregate,
  years: number[],
): ResultsQuestion['averageRanks'] {
  if (question.type !== 'ranking') return undefined
  const ranks = chartOptions(question, years).map((item) => {
    let cities = 0
    let sum = 0
    for (const [key, count] of Object.entries(aggregate.counts)) {
      if (!key.startsWith(`${item.key}=`)) continue
      cities += count
      sum += count * Number(key.slice(item.key.length + 1))
    }
    return { label: item.label, average: cities > 0 ? Math.round((sum / cities) * 10) / 10 : 0, cities }
  })
  return ranks.filter((rank) => rank.cities > 0).sort((a, b) => a.average - b.average)
}

/** Every question of the edition, by section, with its counts and chart keys. */
export function buildResults(
  definition: Definition,
  basis: BasisInfo,
  aggregates: Record<string, QuestionAggregate>,
  charts: Record<string, ChartContent>,
): ResultsSection[] {
  const years = basis.years.length > 0 ? basis.years : [definition.year]
  return definition.sections.map((section) => ({
    title: section.publicTitle ?? section.title,
    questions: section.pages.flatMap((page) =>
      page.questions.map((question): ResultsQuestion => {
        const aggregate = aggregates[question.key] ?? { answered: 0, counts: {}, signatures: {} }
        const chartKeys = Object.keys(charts).filter(
          (key) => key === question.key || key.startsWith(`${question.key}=`),
        )
        const disclosed = !basis.suppressed && aggregate.answered >= basis.threshold
        const table = disclosed ? grid(question, aggregate, years) : undefined
        const ranks = disclosed ? averageRanks(question, aggregate, years) : undefined
        return {
          key: question.key,
          slug: questionSlug(question.key),
          ...(question.number ? { number: question.number } : {}),
          label: question.label,
          type: question.type,
          answered: aggregate.answered,
          charts: chartKeys,
          ...(table ? { grid: table } : {}),
          ...(ranks ? { averageRanks: ranks } : {}),
        }
      }),
    ),
  }))
}

const shortTitle = (title: string): string => title.replace(/\s+by number of cities$/i, '')

/** The headline's base where fewer cities answered than were compared. */
function headlineBase(chart: ChartContent, basis: BasisInfo, question: Question): { base?: string } {
  const askedOf = question.profile?.askedOf
  const words = baseWords(
    { answered: chart.answered, counts: {}, signatures: {} },
    { basisSize: basis.size, ...(askedOf ? { askedOf } : {}) },
  )
  return words ? { base: words } : {}
}

/**
 * Headline figures for the home page, chosen by the definition: the share answering "yes" to
 * each yes/no question on the profiles, and the most chosen option of each charted question.
 */
export function buildHeadlines(
  definition: Definition,
  basis: BasisInfo,
  charts: Record<string, ChartContent>,
): Headline[] {
  const headlines: Headline[] = []
  // Questions in the blocks that show them as sections (not the facts table, not hidden ones).
  const sectionKeys = new Set(
    definition.profile.blocks.filter((block) => block.layout === 'section').map((block) => block.key),
  )
  for (const question of definition.sections.flatMap((s) => s.pages.flatMap((p) => p.questions))) {
    const chart = charts[question.key]
    const onProfile = question.profile && sectionKeys.has(question.profile.section)
    if (!chart || !onProfile) continue
    if (question.type === 'yesno') {
      const yes = chart.rows.find((row) => row.key === 'yes')
      if (yes)
        headlines.push({
          questionKey: question.key,
          share: yes.share,
          text: `answered yes to “${question.label}”`,
          ...headlineBase(chart, basis, question),
        })
    } else if (question.profile?.chart) {
      const top = [...chart.rows].sort((a, b) => b.count - a.count)[0]
      if (top)
        headlines.push({
          questionKey: question.key,
          share: top.share,
          text: `chose “${top.label}” (${shortTitle(chart.title).toLowerCase()})`,
          ...(top.base === undefined
            ? headlineBase(chart, basis, question)
            : { base: `the ${top.base} cities that were offered it` }),
        })
    }
  }
  return headlines
}

/** The /cities filters: one per charted choice question, its options offered in the edition. */
export function buildFacets(questions: Question[], years: number[]): Facet[] {
  return questions.map((question) => ({
    key: question.key,
    label: shortTitle(question.profile?.chart?.title ?? question.label),
    options: chartOptions(question, years).map((option) => ({ key: option.key, label: option.label })),
  }))
}
