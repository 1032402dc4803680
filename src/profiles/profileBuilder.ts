import type { Answers } from '../questionnaire/answerCodec'
import {
  profileSections,
  type Definition,
  type ProfileSection,
  type Question,
} from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'
import { displayAnswer } from '../questionnaire/answerDisplay'
import {
  fillCity,
  listBlocks,
  matrixBlocks,
  sentenceBlocks,
  topRatedBlocks,
  valueBlocks,
  type BlockContext,
} from './profileBlocks'
import type {
  AnswerSummary,
  BasisInfo,
  Block,
  ChartContent,
  HeaderItem,
  ProfileContent,
  ProfileSectionContent,
  QuestionAggregate,
} from './profileContent'
import { valueText } from './sentences'

export interface ProfileCity {
  id: number
  slug: string
  name: string
  country: string
  iso3: string
  region: string
}

export interface ProfileInput {
  definition: Definition
  editionTitle: string
  city: ProfileCity
  /** The city's visible answers in this edition. */
  answers: Answers
  basis: BasisInfo
  aggregates: Record<string, QuestionAggregate>
  charts: Record<string, ChartContent>
}

const isWebAddress = (text: string): boolean => /^https?:\/\/[^\s]+$/i.test(text)

/**
 * Header facts: the country, then each header question in definition order. A header question
 * without a heading qualifies the one before it ("159,000 (2019)"); a list of names makes the
 * heading plural ("Lead Innovation Officers").
 */
export function buildHeader(definition: Definition, city: ProfileCity, answers: Answers): HeaderItem[] {
  const items: HeaderItem[] = [{ key: 'country', label: 'Country', lines: [city.country] }]
  for (const { question } of allQuestions(definition)) {
    const value = answers.get(question.key)
    if (question.profile?.section !== 'header' || !value) continue
    const heading = question.profile.heading
    const previous = items[items.length - 1]
    if (!heading) {
      if (previous.key !== 'country')
        previous.lines[previous.lines.length - 1] += ` (${valueText(question, value)})`
      continue
    }
    const lines = value.type === 'textList' ? value.values : [valueText(question, value)]
    const label = lines.length > 1 && !heading.endsWith('s') ? `${heading}s` : heading
    const href = question.type === 'url' && isWebAddress(lines[0]) ? { href: lines[0] } : {}
    items.push({ key: question.key, label: fillCity(label, city.name), lines, ...href })
  }
  return items
}

function questionBlocks(question: Question, input: ProfileInput): Block[] {
  const context: BlockContext = {
    cityName: input.city.name,
    aggregate: input.aggregates[question.key],
    threshold: input.basis.threshold,
    suppressed: input.basis.suppressed,
    year: input.definition.year,
    chart: question.profile?.chart ? input.charts[question.key] : undefined,
  }
  const value = input.answers.get(question.key)
  switch (question.profile?.display) {
    case 'sentence':
      return sentenceBlocks(question, value, context)
    case 'value':
      return valueBlocks(question, value, context)
    case 'topRated':
      return topRatedBlocks(question, value, context)
    case 'matrixLists':
      return matrixBlocks(question, value, context)
    default:
      return listBlocks(question, value, context)
  }
}

/** The public questions the city answered, as plain lines (for comparing two years). */
function answerSummaries(definition: Definition, answers: Answers): AnswerSummary[] {
  return allQuestions(definition)
    .filter(
      ({ question }) =>
        question.profile && question.profile.section !== 'hidden' && answers.has(question.key),
    )
    .map(({ question }) => ({
      key: question.key,
      label: question.label,
      lines: displayAnswer(question, answers.get(question.key)),
    }))
}

/**
 * A city's profile for one edition, in the section order of the original site (instrument §4.2),
 * everything worded by the definition's presentation. Pure: the same input gives the same JSON.
 */
export function buildProfile(input: ProfileInput): ProfileContent {
  const bySection = new Map<ProfileSection, Question[]>()
  for (const { question } of allQuestions(input.definition)) {
    const section = question.profile?.section
    if (!section || section === 'header' || section === 'hidden') continue
    bySection.set(section, [...(bySection.get(section) ?? []), question])
  }
  const sections: ProfileSectionContent[] = profileSections
    .filter((key) => bySection.has(key))
    .map((key) => ({
      key,
      blocks: bySection.get(key)!.flatMap((question) => questionBlocks(question, input)),
    }))
    .filter((section) => section.blocks.length > 0)
  const { id, slug, name, country, iso3, region } = input.city
  return {
    format: 2,
    city: { id, slug, name, country, iso3, region },
    year: input.definition.year,
    title: input.editionTitle,
    basis: input.basis,
    header: buildHeader(input.definition, input.city, input.answers),
    sections,
    answers: answerSummaries(input.definition, input.answers),
  }
}
