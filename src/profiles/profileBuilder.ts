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
import { answerIdentity } from './compareProfiles'
import { valueText } from './sentences'

export interface ProfileCity {
  id: number
  slug: string
  name: string
  country: string
  iso3: string
  region: string
}

/** What every profile of an edition shares. */
export interface EditionProfileInput {
  definition: Definition
  editionTitle: string
  basis: BasisInfo
  aggregates: Record<string, QuestionAggregate>
  charts: Record<string, ChartContent>
}

export interface ProfileInput extends EditionProfileInput {
  city: ProfileCity
  /** The city's visible answers in this edition. */
  answers: Answers
}

const isWebAddress = (text: string): boolean => /^https?:\/\/[^\s]+$/i.test(text)

/**
 * Header facts: the country, then each header question in definition order. A header question
 * without a heading qualifies the one before it ("159,000 (2019)"); a list of names makes the
 * heading plural ("Lead Innovation Officers").
 */
function buildHeader(headerQuestions: Question[], city: ProfileCity, answers: Answers): HeaderItem[] {
  const items: HeaderItem[] = [{ key: 'country', label: 'Country', lines: [city.country] }]
  for (const question of headerQuestions) {
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
    base: {
      basisSize: input.basis.size,
      ...(question.profile?.askedOf ? { askedOf: question.profile.askedOf } : {}),
    },
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

/**
 * The profiles of one edition, in the section order of the original site (instrument §4.2),
 * everything worded by the definition's presentation. What depends on the edition alone (which
 * question goes where) is worked out once, not once per city. Pure: the same input gives the same JSON.
 */
export function profileBuilder(
  edition: EditionProfileInput,
): (city: ProfileCity, answers: Answers) => ProfileContent {
  const questions = allQuestions(edition.definition).map(({ question }) => question)
  const inSection = (section: ProfileSection) => questions.filter((q) => q.profile?.section === section)
  const headerQuestions = inSection('header')
  const sectionQuestions = profileSections
    .filter((key) => key !== 'header' && key !== 'hidden')
    .map((key) => ({ key, questions: inSection(key) }))
    .filter((section) => section.questions.length > 0)
  // The public questions, as plain lines for comparing two years.
  const summarised = questions.filter((q) => q.profile && q.profile.section !== 'hidden')

  return (city, answers) => {
    const input: ProfileInput = { ...edition, city, answers }
    const sections: ProfileSectionContent[] = sectionQuestions
      .map(({ key, questions: shown }) => ({
        key,
        blocks: shown.flatMap((question) => questionBlocks(question, input)),
      }))
      .filter((section) => section.blocks.length > 0)
    const summaries: AnswerSummary[] = summarised
      .filter((question) => answers.has(question.key))
      .map((question) => ({
        key: question.key,
        label: question.label,
        lines: displayAnswer(question, answers.get(question.key)),
        identity: answerIdentity(question.key, answers.get(question.key)),
      }))
    const { id, slug, name, country, iso3, region } = city
    return {
      format: 2,
      city: { id, slug, name, country, iso3, region },
      year: edition.definition.year,
      title: edition.editionTitle,
      basis: edition.basis,
      header: buildHeader(headerQuestions, city, answers),
      sections,
      answers: summaries,
    }
  }
}

/** One city's profile (profileBuilder for a single city). */
export const buildProfile = (input: ProfileInput): ProfileContent =>
  profileBuilder(input)(input.city, input.answers)
