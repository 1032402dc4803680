import type { AnswerValue } from '../questionnaire/answerCodec'
import type { Question, Sentence } from '../questionnaire/definitionSchema'
import { typeModule } from '../questionnaire/types'
import { answerSignature } from './aggregate'
import { isComparison, isFixedComparison, shareConditionHolds, withBase, type ShareBase } from './comparison'
import type { QuestionAggregate, TextPart } from './profileContent'
import { joinList, percentText, roundedPercent, shareInWords } from './wording'

// The answer's parts a sentence uses ({value}, {list}, {count}) come from its type's module
// (src/questionnaire/types); `value` is always an answer to `question` (of its type).

/** How many things the answer names: chosen options (with "Other", without "None"), list entries. */
export function chosenCount(question: Question, value: AnswerValue): number {
  return typeModule(question.type).chosenCount?.(question, value) ?? 1
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

/** The answer as the items of a {list}: chosen options as phrases, "Other" as written, list entries. */
export function listPhrases(question: Question, value: AnswerValue, excludes: string[] = []): string[] {
  const module = typeModule(question.type)
  return module.listPhrases ? module.listPhrases(question, value, excludes) : [valueText(question, value)]
}

/** The answer as the {value} of a sentence. */
export function valueText(question: Question, value: AnswerValue): string {
  const module = typeModule(question.type)
  return module.sentenceValue ? module.sentenceValue(question, value) : joinList(listPhrases(question, value))
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
