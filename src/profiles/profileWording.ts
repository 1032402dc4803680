import type { BasisInfo } from './profileContent'
import { orderBars } from './barChart'
import type { ChartRow } from './profileContent'
import { citiesText } from './wording'
import { typeList } from '../questionnaire/types'
import { DEFAULT_IDENTITY, unitCount, type Identity } from '../shared/identity'
import { isLocale, translator } from '../i18n/catalogues'

/** The subject of a basis sentence in the catalogues ("Counts and shares" → subject.counts). */
const subjects: Record<string, string> = { 'Counts and shares': 'counts', 'These figures': 'figures' }

/** The basis sentence in a language other than English (its catalogue's words for the unit). */
function basisSentenceIn(lang: string, basis: BasisInfo, year: number, subject: string): string {
  const t = translator(isLocale(lang) ? lang : 'en')
  const values = {
    subject: t(`profileWords.subject.${subjects[subject] ?? 'shares'}`),
    count: basis.size,
    year,
    years: new Intl.ListFormat(lang, { type: 'conjunction' }).format(basis.years.map(String)),
    surveys: Math.max(basis.years.length, 1),
  }
  return basis.kind === 'latest'
    ? t('profileWords.basisLatest', values)
    : t('profileWords.basisApproved', values)
}

const yearsText = (years: number[]): string =>
  years.length <= 1
    ? `the ${years[0] ?? ''} survey`
    : `the ${years.slice(0, -1).join(', ')} and ${years[years.length - 1]} surveys`

/** Says what shares are out of: "of 147 cities surveyed", and which answers count (in the identity's unit words). */
export function basisSentence(
  basis: BasisInfo,
  year: number,
  subject = 'Shares on this page',
  identity: Identity = DEFAULT_IDENTITY,
  lang = 'en',
): string {
  if (lang !== 'en') return basisSentenceIn(lang, basis, year, subject)
  const of = `${subject} are of ${unitCount(identity, basis.size)} surveyed`
  return basis.kind === 'latest'
    ? `${of}: every ${identity.unitSingular} with its latest approved answers up to ${year}, from ${yearsText(basis.years)}.`
    : `${of}: the ${identity.unitPlural} whose ${year} responses were approved.`
}

/** Why no shares are shown when too few cities (the identity's unit) are compared. */
export function suppressedNotice(
  basis: BasisInfo,
  identity: Identity = DEFAULT_IDENTITY,
  lang = 'en',
): string {
  const { size, threshold } = basis
  if (lang !== 'en' && isLocale(lang))
    return translator(lang)('profileWords.suppressed', { count: size, threshold })
  const { unitSingular, unitPlural } = identity
  return `No shares are shown: only ${unitCount(identity, size)} ${size === 1 ? 'is' : 'are'} compared, and shares are shown from ${threshold} ${unitPlural}. With so few ${unitPlural}, a share could reveal how an individual ${unitSingular} answered.`
}

/** A chart's table in the order of its bars: largest count first, "Other" last. */
const chartRows = (rows: ChartRow[]): ChartRow[] => orderBars(rows, (row) => row.count)

/**
 * A chart's caption under a heading that already names its question: "" when the title is the
 * question, what follows "Question: " when it adds to it (a grid's column), else the title.
 */
export function chartCaption(title: string, questionLabel: string): string {
  if (title === questionLabel) return ''
  return title.startsWith(`${questionLabel}: `) ? title.slice(questionLabel.length + 2) : title
}

/** Types whose answers are not counted (text, URLs, lists, years): /results says once where to read them. */
const writtenTypes: string[] = typeList
  .filter((module) => module.chart === 'none')
  .map((module) => module.type)

/** Helpers the public views use, passed with their locals. */
export const profileViewHelpers = {
  basisSentence,
  suppressedNotice,
  citiesText,
  chartRows,
  chartCaption,
  writtenTypes,
}
