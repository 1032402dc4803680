import { OTHER, type AnswerValue } from '../questionnaire/answerCodec'
import type { Question, Sentence } from '../questionnaire/definitionSchema'
import { optionLabel } from '../questionnaire/definitionModel'
import { answerSignature } from './aggregate'
import { isComparison, isFixedComparison, shareConditionHolds, withBase, type ShareBase } from './comparison'
import type { QuestionAggregate, TextPart } from './profileContent'
import { formatCount, joinList, percentText, roundedPercent, shareInWords } from './wording'

const exclusiveKeys = (question: Question): Set<string> =>
  new Set('options' in question ? question.options.filter((o) => o.exclusive).map((o) => o.key) : [])

/** How many things the answer names: chosen options (with "Other", without "None"), list entries. */
export function chosenCount(question: Question, value: AnswerValue): number {
  if (value.type === 'multiple') {
    const exclusive = exclusiveKeys(question)
    return value.choices.filter((choice) => !exclusive.has(choice)).length
  }
  if (value.type === 'textList') return value.values.length
  return 1
}

/** Whether a sentence's `when` holds for this answer (every given condition must). */
export function sentenceMatches(sentence: Sentence, question: Question, value: AnswerValue): boolean {
  const when = sentence.when
  if (!when) return true
  if (
    when.equals !== undefined &&
    !((value.type === 'yesno' || value.type === 'single') && value.choice === when.equals)
  )
    return false
  if (when.includes !== undefined && !(value.type === 'multiple' && value.choices.includes(when.includes)))
    return false
  if (when.count !== undefined) {
    const count = chosenCount(question, value)
    if (when.count === 'many' ? count < 2 : count !== when.count) return false
  }
  return true
}

/** The chosen options as sentence phrases, in definition order; "Other" as written. */
export function listPhrases(question: Question, value: AnswerValue, excludes: string[] = []): string[] {
  if (value.type === 'textList') return value.values
  if (value.type !== 'multiple') return [valueText(question, value)]
  const exclusive = exclusiveKeys(question)
  const options = 'options' in question ? question.options : []
  return value.choices
    .filter((choice) => !exclusive.has(choice) && !excludes.includes(choice))
    .map((choice) => {
      if (choice === OTHER) return value.other ?? ''
      const option = options.find((o) => o.key === choice)
      return option?.phrase ?? option?.label ?? choice
    })
    .filter((phrase) => phrase !== '')
}

/** The answer as the {value} of a sentence. */
export function valueText(question: Question, value: AnswerValue): string {
  switch (value.type) {
    case 'number':
      return formatCount(value.value)
    case 'year':
      return String(value.value)
    case 'text':
    case 'longtext':
    case 'url':
      return value.value
    case 'single':
      return value.choice === OTHER ? (value.other ?? '') : optionLabel(question, value.choice)
    case 'yesno':
      return optionLabel(question, value.choice)
    case 'textList':
      return joinList(value.values)
    default:
      return joinList(listPhrases(question, value))
  }
}

/** Cities sharing the answer the sentence speaks of, and how many answered the question. */
function sameAnswerCount(sentence: Sentence, value: AnswerValue, aggregate: QuestionAggregate): number {
  if (sentence.when?.equals !== undefined) return aggregate.counts[sentence.when.equals] ?? 0
  if (sentence.when?.includes !== undefined) return aggregate.counts[sentence.when.includes] ?? 0
  return aggregate.signatures[answerSignature(value)] ?? 0
}

export interface SentenceContext {
  cityName: string
  aggregate: QuestionAggregate | undefined
  threshold: number
  /** The whole basis is below the threshold. */
  suppressed: boolean
  /** What the page's shares are of, and who the question asks. */
  base: ShareBase
}

/** The counts a comparison may use, or undefined when they must not be shown. */
const disclosed = (context: SentenceContext): QuestionAggregate | undefined =>
  context.suppressed || !context.aggregate || context.aggregate.answered < context.threshold
    ? undefined
    : context.aggregate

export interface RenderedSentence {
  parts: TextPart[]
  text: string
  share?: number
}

/**
 * Fills a template. Returns `withheld` when it compares (a share, or comparative words) but the
 * basis, or the cities that answered this question, are fewer than the disclosure threshold;
 * and always for comparative words that are fixed text, which no share backs.
 */
export function renderSentence(
  question: Question,
  sentence: Sentence,
  value: AnswerValue,
  context: SentenceContext,
): RenderedSentence | 'withheld' {
  let share: number | undefined
  let words = ''
  let others = ''
  let template = sentence.text
  if (isComparison(sentence)) {
    const aggregate = disclosed(context)
    if (!aggregate || isFixedComparison(sentence)) return 'withheld'
    const same = sameAnswerCount(sentence, value, aggregate)
    share = roundedPercent(same, aggregate.answered)
    words = shareInWords(same, aggregate.answered)
    others = percentText(roundedPercent(aggregate.answered - same, aggregate.answered))
    template = withBase(template, aggregate, context.base)
  }
  // A switch, not a table of closures: this runs for every sentence of every profile.
  const fill = (placeholder: string): TextPart => {
    switch (placeholder) {
      case 'city':
        return { text: context.cityName }
      case 'share':
        return { text: percentText(share ?? 0), strong: true }
      case 'shareInWords':
        return { text: words, strong: true }
      case 'othersShare':
        return { text: others, strong: true }
      case 'count':
        return { text: String(chosenCount(question, value)) }
      case 'list':
        return { text: joinList(listPhrases(question, value, sentence.listExcludes)) }
      case 'value':
        return { text: valueText(question, value) }
      default:
        return { text: `{${placeholder}}` }
    }
  }
  const parts: TextPart[] = []
  const pieces = template.split(/\{(\w+)\}/)
  for (let index = 0; index < pieces.length; index++)
    parts.push(index % 2 === 0 ? { text: pieces[index] } : fill(pieces[index]))
  const merged = parts.filter((part) => part.text !== '')
  return {
    parts: merged,
    text: merged.map((part) => part.text).join(''),
    ...(share === undefined ? {} : { share }),
  }
}

/**
 * The first sentence whose `when` matches, rendered; undefined when none matches. A sentence
 * chosen by its share (`moreThanHalf`) is withheld when the shares are.
 */
export function firstSentence(
  question: Question,
  sentences: Sentence[] | undefined,
  value: AnswerValue,
  context: SentenceContext,
): RenderedSentence | 'withheld' | undefined {
  for (const sentence of sentences ?? []) {
    if (!sentenceMatches(sentence, question, value)) continue
    if (sentence.when?.moreThanHalf !== undefined) {
      const aggregate = disclosed(context)
      if (!aggregate) return 'withheld'
      const same = sameAnswerCount(sentence, value, aggregate)
      if (!shareConditionHolds(sentence, same, aggregate.answered)) continue
    }
    return renderSentence(question, sentence, value, context)
  }
  return undefined
}
