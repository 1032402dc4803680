import { OTHER, type AnswerValue } from './answerCodec'
import type { Question } from './definitionSchema'
import { optionLabel } from './definitionModel'

const formatter = new Intl.NumberFormat('en-GB')

/**
 * An answer as lines of plain text, for check-answers, review and exports
 * ("Other: …" as written, notes after their option). Views escape it.
 */
export function displayAnswer(question: Question, value: AnswerValue | undefined): string[] {
  if (!value) return []
  switch (value.type) {
    case 'yesno':
      return [optionLabel(question, value.choice)]
    case 'single':
      return [value.choice === OTHER ? `Other: ${value.other ?? ''}` : optionLabel(question, value.choice)]
    case 'multiple':
      return value.choices.map((key) => {
        const label = key === OTHER ? `Other: ${value.other ?? ''}` : optionLabel(question, key)
        return value.notes[key] ? `${label} (${value.notes[key]})` : label
      })
    case 'rating':
    case 'matrix': {
      const columns =
        question.type === 'rating' ? question.scale : question.type === 'matrix' ? question.columns : []
      return Object.entries(value.cells).map(([row, cell]) => {
        const column = columns.find((c) => c.key === cell)?.label ?? cell
        return `${optionLabel(question, row)}: ${column}`
      })
    }
    case 'ranking':
      return value.order.map((key, index) => `${index + 1}. ${optionLabel(question, key)}`)
    case 'number':
      return [
        formatter.format(value.value) +
          (question.type === 'number' && question.unit ? ` ${question.unit}` : ''),
      ]
    case 'year':
      return [String(value.value)]
    case 'text':
    case 'longtext':
    case 'url':
      return [value.value]
    case 'textList':
      return value.values
  }
}
