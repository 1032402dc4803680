import type { Definition, Question } from '../definitionSchema'
import { OTHER } from '../answerCodec'
import { allQuestions, questionIndex } from '../definitionModel'
import type { DefinitionProblem } from '../validateDefinition'
import { optionLists, type OptionListName } from './optionLists'
import { questionPlace as place } from '../definitionPlaces'

const questionPlace = (question: Question): string =>
  place({ key: question.key, name: question.label }, { page: 'its page', index: 0 })

/** How an edition's stored answers use its questionnaire (counts are numbers of responses). */
export interface AnswerUsage {
  /** Responses the edition has, answered or not. */
  responses: number
  /** Responses with an answer to each question key. */
  questions: Map<string, number>
  /** Responses using each option, keyed by `usageKey(question, list, option)`. */
  options: Map<string, number>
}

export const usageKey = (questionKey: string, list: OptionListName, optionKey: string): string =>
  `${questionKey}|${list}|${optionKey}`

export const emptyUsage = (): AnswerUsage => ({ responses: 0, questions: new Map(), options: new Map() })

export const responsesText = (count: number): string => `${count} ${count === 1 ? 'response' : 'responses'}`

/**
 * The rule that keeps stored answers meaningful (DESIGN §2): while an edition has no
 * responses anything may change; after that, wording, new options and new questions are
 * fine, but an answered question or option may not be removed, re-keyed (which is a
 * removal of the old key) or change type, and an answered "Other" may not be switched off.
 * Unanswered ones may go. Each refusal says how
 * many responses use the thing and what to do instead.
 */
export function unsafeChanges(
  before: Definition,
  after: Definition,
  usage: AnswerUsage,
): DefinitionProblem[] {
  if (usage.responses === 0) return []
  const later = questionIndex(after)
  return allQuestions(before).flatMap(({ question }) => {
    const now = later.get(question.key)?.question
    const answered = usage.questions.get(question.key) ?? 0
    if (!now || (now.type !== question.type && answered > 0)) return questionProblems(question, now, answered)
    return optionProblems(question, now, usage)
  })
}

function questionProblems(
  question: Question,
  now: Question | undefined,
  answered: number,
): DefinitionProblem[] {
  if (answered === 0) return []
  const name = `Question “${question.label}” (${question.key}) is answered in ${responsesText(answered)}`
  const message = now
    ? `${name}, so its type cannot change from ${question.type} to ${now.type}.`
    : `${name}, so it cannot be removed or re-keyed. Hide it with a condition or leave it in place.`
  return [{ path: question.key, where: questionPlace(question), message }]
}

/** Answered options that are gone (or re-keyed), and an answered "Other" that was switched off. */
function optionProblems(question: Question, now: Question, usage: AnswerUsage): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const nowLists = new Map(
    optionLists(now).map((list) => [list.name, new Set(list.options.map((o) => o.key))]),
  )
  for (const list of optionLists(question)) {
    for (const option of list.options) {
      const used = usage.options.get(usageKey(question.key, list.name, option.key)) ?? 0
      if (used === 0 || nowLists.get(list.name)?.has(option.key)) continue
      problems.push({
        path: `${question.key}.${list.name}.${option.key}`,
        where: questionPlace(question),
        message: `Option “${option.label}” (${option.key}) of ${question.key} is used in ${responsesText(used)}, so it cannot be removed or re-keyed. Mark it as no longer offered from an edition on instead.`,
      })
    }
  }
  const otherUsed = usage.options.get(usageKey(question.key, 'options', OTHER)) ?? 0
  const hadOther = 'other' in question && question.other
  if (hadOther && otherUsed > 0 && !('other' in now && now.other)) {
    problems.push({
      path: `${question.key}.other`,
      where: questionPlace(question),
      message: `“Other (please specify)” of ${question.key} is used in ${responsesText(otherUsed)}, so it cannot be switched off.`,
    })
  }
  return problems
}

/** Counts as the repository returns them → usage keyed the way the rules look it up. */
export function usageFromCounts(
  definition: Definition,
  counts: {
    responses: number
    byQuestion: Array<{ questionKey: string; responses: number }>
    byOption: Array<{ questionKey: string; optionKey: string; responses: number }>
    byText: Array<{ questionKey: string; text: string; responses: number }>
  },
): AnswerUsage {
  const usage: AnswerUsage = { responses: counts.responses, questions: new Map(), options: new Map() }
  for (const row of counts.byQuestion) usage.questions.set(row.questionKey, row.responses)
  const cellList = new Map<string, OptionListName>()
  for (const { question } of allQuestions(definition)) {
    if (question.type === 'rating') cellList.set(question.key, 'scale')
    if (question.type === 'matrix') cellList.set(question.key, 'columns')
  }
  for (const row of counts.byOption)
    usage.options.set(usageKey(row.questionKey, 'options', row.optionKey), row.responses)
  for (const row of counts.byText) {
    const list = cellList.get(row.questionKey)
    if (list) usage.options.set(usageKey(row.questionKey, list, row.text), row.responses)
  }
  return usage
}

/** The rating and matrix questions, whose answers store the chosen column as text. */
export const cellQuestionKeys = (definition: Definition): string[] =>
  allQuestions(definition)
    .filter(({ question }) => question.type === 'rating' || question.type === 'matrix')
    .map(({ question }) => question.key)
