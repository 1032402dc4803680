import { OTHER, type AnswerValue } from '../questionnaire/answerCodec'
import type { Question, Sentence } from '../questionnaire/definitionSchema'
import { optionLabel } from '../questionnaire/definitionModel'
import { answerSignature } from './aggregate'
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
}

export interface RenderedSentence {
  parts: TextPart[]
  text: string
  share?: number
}

const usesShare = (text: string): boolean => /\{share(InWords)?\}/.test(text)

/**
 * Fills a template. Returns `withheld` when it needs a share but the basis, or the cities that
 * answered this question, are fewer than the disclosure threshold.
 */
export function renderSentence(
  question: Question,
  sentence: Sentence,
  value: AnswerValue,
  context: SentenceContext,
): RenderedSentence | 'withheld' {
  let share: number | undefined
  let words = ''
  if (usesShare(sentence.text)) {
    const aggregate = context.aggregate
    if (context.suppressed || !aggregate || aggregate.answered < context.threshold) return 'withheld'
    const same = sameAnswerCount(sentence, value, aggregate)
    share = roundedPercent(same, aggregate.answered)
    words = shareInWords(same, aggregate.answered)
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
  const pieces = sentence.text.split(/\{(\w+)\}/)
  for (let index = 0; index < pieces.length; index++)
    parts.push(index % 2 === 0 ? { text: pieces[index] } : fill(pieces[index]))
  const merged = parts.filter((part) => part.text !== '')
  return {
    parts: merged,
    text: merged.map((part) => part.text).join(''),
    ...(share === undefined ? {} : { share }),
  }
}

/** The first sentence whose `when` matches, rendered; undefined when none matches. */
export function firstSentence(
  question: Question,
  sentences: Sentence[] | undefined,
  value: AnswerValue,
  context: SentenceContext,
): RenderedSentence | 'withheld' | undefined {
  const sentence = sentences?.find((candidate) => sentenceMatches(candidate, question, value))
  return sentence && renderSentence(question, sentence, value, context)
}
