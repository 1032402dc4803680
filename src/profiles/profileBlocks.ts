import { OTHER, type AnswerValue } from '../questionnaire/answerCodec'
import type { Question } from '../questionnaire/definitionSchema'
import { offeredOptions } from '../questionnaire/definitionModel'
import { displayAnswer } from '../questionnaire/answerDisplay'
import type { Block, ChartContent, ListItem } from './profileContent'
import { binOf } from './distribution'
import { firstSentence, valueText, type SentenceContext } from './sentences'
import { notCollected } from './wording'

/** What every block builder needs besides the question and the city's answer. */
export interface BlockContext extends SentenceContext {
  year: number
  chart: ChartContent | undefined
}

export const fillCity = (text: string, cityName: string): string => text.replaceAll('{city}', cityName)

const heading = (question: Question, context: BlockContext): Block[] =>
  question.profile?.heading
    ? [{ kind: 'heading', text: fillCity(question.profile.heading, context.cityName) }]
    : []

/** The option keys this answer chose, for highlighting chart bars. */
export function ownKeys(value: AnswerValue | undefined): string[] {
  if (!value) return []
  if (value.type === 'yesno' || value.type === 'single') return [value.choice]
  if (value.type === 'multiple') return value.choices
  return []
}

/**
 * The question's chart, by key, with the options the city chose: the chart is the edition's,
 * and the page marks the city's own bars when it shows it (profileView.ts).
 */
export function chartBlock(context: BlockContext, value: AnswerValue | undefined): Block[] {
  if (!context.chart) return []
  const bins = context.chart.distribution?.bins
  // A number or year is marked by the bin it falls in; the bins are the edition's.
  const counted = value?.type === 'number' || value?.type === 'year'
  const own = bins && counted ? [binOf(bins, value.value)?.key ?? ''].filter(Boolean) : ownKeys(value)
  return [{ kind: 'chart', questionKey: context.chart.questionKey, own }]
}

/** Chosen options as list items (labels, hints, notes), "Other" as written; never "None". */
export function listItems(question: Question, value: AnswerValue): ListItem[] {
  if (value.type === 'textList') return value.values.map((text) => ({ text }))
  const options = 'options' in question ? question.options : []
  const chosen = value.type === 'multiple' ? value.choices : value.type === 'single' ? [value.choice] : []
  const notes = value.type === 'multiple' ? value.notes : {}
  const other = value.type === 'multiple' || value.type === 'single' ? value.other : undefined
  return chosen.flatMap((key): ListItem[] => {
    const note = notes[key] ? { note: notes[key] } : {}
    if (key === OTHER) return other ? [{ text: other, other: true, ...note }] : []
    const option = options.find((o) => o.key === key)
    if (!option || option.exclusive) return []
    return [{ text: option.label, ...(option.hint ? { hint: option.hint } : {}), ...note }]
  })
}

/** A list, headed by its sentence when one matches ("Enschede utilizes 3 different …"). */
export function listBlocks(
  question: Question,
  value: AnswerValue | undefined,
  context: BlockContext,
): Block[] {
  if (!value) return chartBlock(context, value)
  const sentence = firstSentence(question, question.profile?.sentences, value, context)
  const head: Block[] =
    sentence && sentence !== 'withheld'
      ? [{ kind: 'heading', text: sentence.text, parts: sentence.parts }]
      : heading(question, context)
  const items = listItems(question, value)
  const list: Block[] = items.length > 0 ? [{ kind: 'list', questionKey: question.key, items }] : []
  return [...head, ...list, ...chartBlock(context, value)]
}

/** Comparison sentences; below the threshold the plain answer stands in for a withheld one. */
export function sentenceBlocks(
  question: Question,
  value: AnswerValue | undefined,
  context: BlockContext,
): Block[] {
  if (!value) return chartBlock(context, value)
  const sentence = firstSentence(question, question.profile?.sentences, value, context)
  const body: Block[] =
    sentence === 'withheld'
      ? [
          {
            kind: 'answer',
            questionKey: question.key,
            label: question.label,
            lines: displayAnswer(question, value),
          },
        ]
      : sentence
        ? [
            {
              kind: 'sentence',
              questionKey: question.key,
              parts: sentence.parts,
              text: sentence.text,
              ...(sentence.share === undefined ? {} : { share: sentence.share }),
            },
          ]
        : []
  return body.length > 0
    ? [...heading(question, context), ...body, ...chartBlock(context, value)]
    : chartBlock(context, value)
}

/** A value as paragraphs (a free text keeps its blank-line paragraphs). */
export function valueBlocks(
  question: Question,
  value: AnswerValue | undefined,
  context: BlockContext,
): Block[] {
  const text = value ? valueText(question, value).trim() : ''
  if (!text) return []
  const paragraphs = text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return [...heading(question, context), { kind: 'paragraphs', questionKey: question.key, paragraphs }]
}

/** The highest-rated item(s) with their long label and hint, then every item numbered in definition order. */
export function topRatedBlocks(
  question: Question,
  value: AnswerValue | undefined,
  context: BlockContext,
): Block[] {
  if (!value || !('options' in question)) return []
  let topKeys: string[] = []
  if (value.type === 'rating' && question.type === 'rating') {
    const level = (cell: string) => question.scale.findIndex((s) => s.key === cell)
    const best = Math.max(...Object.values(value.cells).map(level))
    topKeys = best < 0 ? [] : Object.keys(value.cells).filter((item) => level(value.cells[item]) === best)
  } else if (value.type === 'ranking') {
    topKeys = value.order.slice(0, 1)
  }
  const options = offeredOptions(question, context.year)
  const top = options
    .filter((option) => topKeys.includes(option.key))
    .map((option) => ({
      label: option.longLabel ?? option.label,
      ...(option.hint ? { hint: option.hint } : {}),
    }))
  return [
    ...heading(question, context),
    { kind: 'topRated', questionKey: question.key, top, all: options.map((o) => o.label) },
  ]
}

/**
 * A matrix as one list per column ("Sufficient data" / "Insufficient data"), rows in definition
 * order; where rows may be left blank, those are a list of their own ("Not collected / don’t know").
 */
export function matrixBlocks(
  question: Question,
  value: AnswerValue | undefined,
  context: BlockContext,
): Block[] {
  if (!value || value.type !== 'matrix' || question.type !== 'matrix') return []
  const columns = question.columns.map((column) => ({
    key: column.key,
    label: column.label,
    items: question.options.filter((row) => value.cells[row.key] === column.key).map((row) => row.label),
  }))
  const blank = offeredOptions(question, context.year).filter((row) => value.cells[row.key] === undefined)
  if (!question.required && blank.length > 0)
    columns.push({ key: '', label: notCollected(), items: blank.map((row) => row.label) })
  return [...heading(question, context), { kind: 'matrixLists', questionKey: question.key, columns }]
}
