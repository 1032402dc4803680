import type { Condition, Definition, Option, Question } from '../definitionSchema'
import { optionLabel, questionIndex } from '../definitionModel'

/** The option lists a question can have: its options (rows or items), a rating scale, matrix columns. */
export const optionListNames = ['options', 'scale', 'columns'] as const
export type OptionListName = (typeof optionListNames)[number]

export interface OptionList {
  name: OptionListName
  /** What the list is called for this question type ("Rows", "Scale", …). */
  title: string
  options: Option[]
}

export const isOptionListName = (value: string): value is OptionListName =>
  (optionListNames as readonly string[]).includes(value)

/** Every option list of a question, in a stable order. */
export function optionLists(question: Question): OptionList[] {
  const lists: OptionList[] = []
  if ('options' in question)
    lists.push({ name: 'options', title: optionsTitle(question), options: question.options })
  if (question.type === 'rating')
    lists.push({ name: 'scale', title: 'Rating scale', options: question.scale })
  if (question.type === 'matrix') lists.push({ name: 'columns', title: 'Columns', options: question.columns })
  return lists
}

/** One option list of a question, or undefined when the question has no such list. */
export function optionList(question: Question, name: OptionListName): Option[] | undefined {
  return optionLists(question).find((list) => list.name === name)?.options
}

function optionsTitle(question: Question): string {
  if (question.type === 'rating' || question.type === 'ranking') return 'Items'
  if (question.type === 'matrix') return 'Rows'
  return 'Options'
}

/** "Shown when "Does the city have a formal strategy?" is Yes or No", for overviews and change lists. */
export function conditionText(condition: Condition | undefined, definition: Definition): string {
  if (!condition) return ''
  const target = questionIndex(definition).get(condition.question)?.question
  const answers = condition.anyOf.map((key) => (target ? optionLabel(target, key) : key))
  const name = target ? `“${target.label}”` : condition.question
  return `Shown when ${name} is ${answers.join(' or ')}`
}
