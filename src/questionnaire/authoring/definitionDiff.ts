import type { Definition, Option, Question } from '../definitionSchema'
import { allQuestions, isOffered, questionIndex } from '../definitionModel'
import { conditionText, optionLists, type OptionListName } from './optionLists'

interface QuestionRef {
  questionKey: string
  /** The question's label in the later definition (the earlier one when it was removed). */
  questionLabel: string
}

/** One difference between two editions' questionnaires, in words a reader of the change list needs. */
export type DefinitionChange =
  | (QuestionRef & { kind: 'question_added' | 'question_removed'; section: string })
  | (QuestionRef & { kind: 'question_relabelled'; from: string; to: string })
  | (QuestionRef & { kind: 'question_retyped'; from: string; to: string })
  | (QuestionRef & { kind: 'condition_changed'; from: string; to: string })
  | (QuestionRef & {
      kind: 'option_added' | 'option_removed'
      list: OptionListName
      optionKey: string
      label: string
    })
  | (QuestionRef & {
      kind: 'option_relabelled'
      list: OptionListName
      optionKey: string
      from: string
      to: string
    })

/**
 * What changed between an edition and the one it was copied from: questions and options
 * added, removed, relabelled, or shown under different conditions. An option counts as
 * present in an edition when that edition's definition offers it in its own year, so an
 * option kept only for the record ("availableIn: [2018]") shows as removed in 2020.
 */
export function diffDefinitions(from: Definition, to: Definition): DefinitionChange[] {
  const before = questionIndex(from)
  const after = questionIndex(to)
  const changes: DefinitionChange[] = []
  for (const { question, section } of allQuestions(to)) {
    const old = before.get(question.key)
    const ref = { questionKey: question.key, questionLabel: question.label }
    if (!old) {
      changes.push({ ...ref, kind: 'question_added', section: section.title })
      continue
    }
    if (old.question.label !== question.label)
      changes.push({ ...ref, kind: 'question_relabelled', from: old.question.label, to: question.label })
    if (old.question.type !== question.type)
      changes.push({ ...ref, kind: 'question_retyped', from: old.question.type, to: question.type })
    const was = effectiveCondition(from, old.question)
    const is = effectiveCondition(to, question)
    if (was !== is) changes.push({ ...ref, kind: 'condition_changed', from: was, to: is })
    changes.push(...optionChanges(ref, old.question, from.year, question, to.year))
  }
  for (const { question, section } of allQuestions(from)) {
    if (!after.has(question.key)) {
      changes.push({
        kind: 'question_removed',
        questionKey: question.key,
        questionLabel: question.label,
        section: section.title,
      })
    }
  }
  return changes
}

/** The question's own condition and its page's, in words ("" when always shown). */
function effectiveCondition(definition: Definition, question: Question): string {
  const page = questionIndex(definition).get(question.key)?.page
  return [conditionText(page?.condition, definition), conditionText(question.condition, definition)]
    .filter(Boolean)
    .join('; ')
}

function optionChanges(
  ref: QuestionRef,
  old: Question,
  fromYear: number,
  question: Question,
  toYear: number,
): DefinitionChange[] {
  const changes: DefinitionChange[] = []
  const oldLists = new Map(optionLists(old).map((list) => [list.name, list.options]))
  for (const list of optionLists(question)) {
    const earlier = offeredByKey(oldLists.get(list.name) ?? [], fromYear)
    const later = offeredByKey(list.options, toYear)
    for (const [key, option] of later) {
      const was = earlier.get(key)
      if (!was)
        changes.push({ ...ref, kind: 'option_added', list: list.name, optionKey: key, label: option.label })
      else if (was.label !== option.label) {
        changes.push({
          ...ref,
          kind: 'option_relabelled',
          list: list.name,
          optionKey: key,
          from: was.label,
          to: option.label,
        })
      }
    }
    for (const [key, option] of earlier) {
      if (!later.has(key))
        changes.push({ ...ref, kind: 'option_removed', list: list.name, optionKey: key, label: option.label })
    }
  }
  return changes
}

const offeredByKey = (options: Option[], year: number): Map<string, Option> =>
  new Map(options.filter((option) => isOffered(option, year)).map((option) => [option.key, option]))

/**
 * Options of a question offered in only one of two editions, for profile footnotes
 * ("'Training staff and building capacity' is not an option in the 2018 survey").
 */
export function optionsInOnlyOne(
  from: Definition,
  to: Definition,
  questionKey: string,
): Array<{ label: string; missingIn: number }> {
  return diffDefinitions(from, to)
    .filter(
      (change) =>
        change.questionKey === questionKey &&
        (change.kind === 'option_added' || change.kind === 'option_removed'),
    )
    .map((change) => ({
      label: (change as { label: string }).label,
      missingIn: change.kind === 'option_added' ? from.year : to.year,
    }))
}
