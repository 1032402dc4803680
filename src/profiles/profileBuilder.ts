import type { Answers } from '../questionnaire/answerCodec'
import type { Definition, ProfileBlock, Question } from '../questionnaire/definitionSchema'
import { allQuestions } from '../questionnaire/definitionModel'
import { headerHeading } from './wording'
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
 * The facts table: the block's facts from the city's record ("Country"), then each of its
 * questions in definition order. A question without a heading qualifies the fact before it
 * ("159,000 (2019)"); a list of names makes the heading plural ("Lead Innovation Officers").
 */
function buildFacts(
  block: ProfileBlock,
  questions: Question[],
  city: ProfileCity,
  answers: Answers,
): HeaderItem[] {
  const items: HeaderItem[] = (block.cityFacts ?? []).map(({ field, label }) => ({
    key: field,
    label,
    lines: [city[field]],
  }))
  const fromCity = items.length
  for (const question of questions) {
    const value = answers.get(question.key)
    if (!value) continue
    const heading = question.profile?.heading
    if (!heading) {
      const previous = items[items.length - 1]
      if (items.length > fromCity)
        previous.lines[previous.lines.length - 1] += ` (${valueText(question, value)})`
      continue
    }
    const lines = value.type === 'textList' ? value.values : [valueText(question, value)]
    const label = headerHeading(heading, lines.length)
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
 * The profiles of one edition, its blocks in the definition's order (`definition.profile`),
 * everything worded by the definition. What depends on the edition alone (which question goes
 * where) is worked out once, not once per city. Pure: the same input gives the same JSON.
 */
export function profileBuilder(
  edition: EditionProfileInput,
): (city: ProfileCity, answers: Answers) => ProfileContent {
  const questions = allQuestions(edition.definition).map(({ question }) => question)
  const { blocks } = edition.definition.profile
  const inBlock = (block: ProfileBlock) => questions.filter((q) => q.profile?.section === block.key)
  const factBlocks = blocks
    .filter((block) => block.layout === 'facts')
    .map((block) => ({ block, questions: inBlock(block) }))
  const sectionBlocks = blocks
    .filter((block) => block.layout === 'section')
    .map((block) => ({ block, questions: inBlock(block) }))
    .filter((section) => section.questions.length > 0)
  // The public questions (those a page shows), as plain lines for comparing two years.
  const shownKeys = new Set(blocks.filter((b) => b.layout !== 'hidden').map((b) => b.key))
  const summarised = questions.filter((q) => q.profile && shownKeys.has(q.profile.section))

  return (city, answers) => {
    const input: ProfileInput = { ...edition, city, answers }
    const sections: ProfileSectionContent[] = sectionBlocks
      .map(({ block, questions: shown }) => ({
        key: block.key,
        blocks: headed(
          block,
          city.name,
          shown.flatMap((question) => questionBlocks(question, input)),
        ),
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
      header: factBlocks.flatMap(({ block, questions: facts }) => buildFacts(block, facts, city, answers)),
      sections,
      answers: summaries,
    }
  }
}

/** A block's own heading above what its questions show, when they show anything. */
const headed = (block: ProfileBlock, cityName: string, content: Block[]): Block[] =>
  block.heading && content.length > 0
    ? [{ kind: 'heading', text: fillCity(block.heading, cityName) }, ...content]
    : content

/** One city's profile (profileBuilder for a single city). */
export const buildProfile = (input: ProfileInput): ProfileContent =>
  profileBuilder(input)(input.city, input.answers)
