import type { Answers } from '../questionnaire/answerCodec'
import type { Question } from '../questionnaire/definitionSchema'

/** Which cities an edition compares with (editions.basis). */
export type BasisKind = 'approved' | 'latest'

/** One city of the comparison basis with its visible answers, keyed by stable question keys. */
export interface BasisMember {
  cityId: number
  /** The edition year these answers come from (older than the edition for basis "latest"). */
  year: number
  answers: Answers
}

export interface BasisInfo {
  kind: BasisKind
  /** Cities compared. */
  size: number
  threshold: number
  /** Fewer cities than the threshold: no shares are shown. */
  suppressed: boolean
  /** Edition years the compared answers come from, oldest first. */
  years: number[]
}

/** Counts of one question across the basis, each city counted once. */
export interface QuestionAggregate {
  /** Cities in the basis that answered the question. */
  answered: number
  /** Cities per option key; "row=column" for ratings and matrices, "item=rank" for rankings. */
  counts: Record<string, number>
  /** Cities per whole answer (sorted option keys), for "the same answer" on multiple choice. */
  signatures: Record<string, number>
  /**
   * Cities that answered, per edition year their answers come from: an option offered in some
   * years only is a share of the cities that were offered it. Absent from older aggregates.
   */
  answeredByYear?: Record<string, number>
}

export interface ChartRow {
  key: string
  label: string
  count: number
  /** Whole percent of the cities that answered the question (of `base`, where given). */
  share: number
  /** Cities that answered and were offered this option, where fewer than all that answered. */
  base?: number
}

/** A chart drawn once per edition and question; profiles highlight their own bars by markup. */
export interface ChartContent {
  questionKey: string
  title: string
  svg: string
  rows: ChartRow[]
  answered: number
  footnote?: string
  /** Says which shares have a base of their own (options offered in some years only). */
  baseNote?: string
  /** Rows in their own order (a distribution's bins), not sorted by count. */
  ordered?: boolean
  /** A number question: its median and range in words, and its bins, to mark a city's value. */
  distribution?: { summary: string; bins: Array<{ key: string; from: number; to: number }> }
}

export interface TextPart {
  text: string
  /** The share inside a comparison sentence, shown in bold. */
  strong?: boolean
}

export interface ListItem {
  text: string
  hint?: string
  note?: string
  /** An "Other" answer, shown as written. */
  other?: boolean
}

/** The blocks that read the same on every page of the snapshot. */
export type TextBlock =
  | { kind: 'heading'; text: string; parts?: TextPart[] }
  | { kind: 'sentence'; questionKey: string; parts: TextPart[]; text: string; share?: number }
  | { kind: 'list'; questionKey: string; items: ListItem[] }
  | { kind: 'paragraphs'; questionKey: string; paragraphs: string[] }
  | { kind: 'topRated'; questionKey: string; top: Array<{ label: string; hint?: string }>; all: string[] }
  | {
      kind: 'matrixLists'
      questionKey: string
      columns: Array<{ key: string; label: string; items: string[] }>
    }
  /** The plain answer, where a comparison sentence is withheld below the disclosure threshold. */
  | { kind: 'answer'; questionKey: string; label: string; lines: string[] }

/**
 * A block as stored. A chart is only named with the city's own options: the chart itself is
 * the edition's (EditionAggregateContent.charts), stored once, not once per city.
 */
export type Block = TextBlock | { kind: 'chart'; questionKey: string; own: string[] }

/** The edition's chart with the city's own bars highlighted, as a page shows it. */
export type OwnChart = ChartContent & { own: string[] }

/** A block as rendered: charts filled in from the edition (profileView.ts). */
export type ViewBlock = TextBlock | { kind: 'chart'; chart: OwnChart }

export interface ProfileSectionContent {
  /** The key of the definition's profile block. */
  key: string
  blocks: Block[]
}

export interface HeaderItem {
  key: string
  label: string
  lines: string[]
  /** A web address (http or https only). */
  href?: string
}

/** One answered question as plain lines, for the side-by-side comparison of two years. */
export interface AnswerSummary {
  key: string
  label: string
  lines: string[]
  /**
   * The answer by option keys (its stored rows), so a relabelled option is no change. Absent
   * from snapshots written before it existed; those compare by lines.
   */
  identity?: string
}

/**
 * A city's profile as stored in profile_snapshots.content. Format 2: charts by key, drawn once
 * per edition (format 1 embedded each chart in every city's snapshot).
 */
export interface ProfileContent {
  format: 2
  city: { id: number; slug: string; name: string; country: string; iso3: string; region: string }
  year: number
  title: string
  basis: BasisInfo
  header: HeaderItem[]
  sections: ProfileSectionContent[]
  answers: AnswerSummary[]
}

/** What a public profile page renders: the snapshot with the edition's charts filled in. */
export type ProfileView = Omit<ProfileContent, 'sections'> & {
  sections: Array<{ key: string; blocks: ViewBlock[] }>
}

/** Facets of one city for the /cities filters: option keys chosen per charted question. */
export interface CityFacets {
  cityId: number
  facets: Record<string, string[]>
}

/** What an edition's results pages render: stored as JSON in edition_aggregates.content. */
export interface EditionAggregateContent {
  format: 1
  year: number
  title: string
  basis: BasisInfo
  questions: Record<string, QuestionAggregate>
  /** Charts per question key (several per matrix, "key=column"). */
  charts: Record<string, ChartContent>
  /** The cities with a profile in this edition and their facets. */
  cities: CityFacets[]
  /** Every question with its counts, for /results (rendered from here, not from the definition). */
  results: ResultsSection[]
  headlines: Headline[]
  facets: Facet[]
}

/** A question's results across the basis, as /results renders them. */
export interface ResultsQuestion {
  key: string
  /** The kebab-case form used in URLs: funding.has_dedicated → funding-has-dedicated. */
  slug: string
  number?: string
  label: string
  type: Question['type']
  answered: number
  /** Keys into the aggregate's charts. */
  charts: string[]
  /** Rankings: each item's average rank (1 = first), best first, of the cities that ranked it. */
  averageRanks?: Array<{ label: string; average: number; cities: number }>
  /** Ratings and matrices: counts per row and column. */
  grid?: { columns: string[]; rows: Array<{ label: string; cells: Array<{ count: number; share: number }> }> }
}

export interface ResultsSection {
  title: string
  questions: ResultsQuestion[]
}

export interface Headline {
  questionKey: string
  share: number
  /** What the share counts, e.g. "answered yes to “Does the city …?”". */
  text: string
  /**
   * What the share is of, where it is not every city compared: "the 122 cities with dedicated
   * funding" (absent from headlines stored before it existed).
   */
  base?: string
}

export interface Facet {
  key: string
  label: string
  options: Array<{ key: string; label: string }>
}
