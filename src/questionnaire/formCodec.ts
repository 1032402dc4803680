import type { Question } from './definitionSchema'
import { offeredOptions } from './definitionModel'
import { revealPlacement } from './revealPlacement'
import { answerOf, typeModule, type Answers, type AnswerValue } from './types'
import { gridColumns } from './types/grid'
import { emptyFormValue, type FormValue } from './types/questionType'

export { emptyFormValue, type FormValue } from './types/questionType'
export { gridColumns } from './types/grid'

export type FormBody = Record<string, unknown>

/*
 * Field names and ids. A question's base id is its key with "." → "-" (keys never contain
 * "-", so this is one-to-one and a valid HTML id); parts are joined with "--", which no key
 * can produce, so one question's fields can never collide with another's.
 */

/** The id (and name) of a question's field, or of one of its parts. */
export function fieldId(questionKey: string, idPrefix = '', ...parts: string[]): string {
  return [idPrefix + questionKey.replaceAll('.', '-'), ...parts].join('--')
}

/** Whether an error's href points at one of this question's fields. */
export function isQuestionError(href: string, questionKey: string, idPrefix = ''): boolean {
  const base = `#${fieldId(questionKey, idPrefix)}`
  return href === base || href.startsWith(`${base}--`)
}

/** The message to show beside a question, from the one list that also feeds the summary. */
export function questionError(
  errors: Array<{ href: string; text: string }> | undefined,
  questionKey: string,
  idPrefix = '',
): string | undefined {
  return errors?.find((error) => isQuestionError(error.href, questionKey, idPrefix))?.text
}

/** A saved answer as form fields (what the page shows before the officer types anything). */
export function answerToFormValue(question: Question, value: AnswerValue | undefined): FormValue {
  const answer = answerOf(question, value)
  return { ...emptyFormValue(), ...(answer ? typeModule(question.type).toForm(answer) : {}) }
}

/** A value that may be a FormValue already or a saved answer (for partials shared with authoring's preview). */
export function toFormValue(
  question: Question,
  value: FormValue | AnswerValue | undefined | null,
): FormValue {
  if (!value) return emptyFormValue()
  if ('type' in value) return answerToFormValue(question, value)
  return { ...emptyFormValue(), ...value }
}

/** Reads one question's fields from a posted form body (only options offered in this edition). */
export function readFormValue(question: Question, body: FormBody, year: number, idPrefix = ''): FormValue {
  const field = (...parts: string[]) => body[fieldId(question.key, idPrefix, ...parts)]
  return { ...emptyFormValue(), ...typeModule(question.type).readForm(question, field, year) }
}

/**
 * The first error of a question that is not shown beside one of its own inputs (`ownIds`),
 * for the message at the top of the question's group.
 */
export function groupError(
  errors: Array<{ href: string; text: string }> | undefined,
  questionKey: string,
  idPrefix = '',
  ownIds: string[] = [],
): string | undefined {
  return errors?.find(
    (error) => isQuestionError(error.href, questionKey, idPrefix) && !ownIds.includes(error.href.slice(1)),
  )?.text
}

/** What the question partials (views/questions) need, as one app.locals entry. */
export const questionForm = {
  /** The partial under views/questions that asks a question of this type. */
  view: (question: Question): string => typeModule(question.type).view,
  id: fieldId,
  error: questionError,
  groupError,
  value: toFormValue,
  options: offeredOptions,
  columns: gridColumns,
  reveal: revealPlacement,
  /** Ids joined for aria-describedby (empty parts left out). */
  describedBy: (...ids: Array<string | false | undefined | null>): string => ids.filter(Boolean).join(' '),
}

/** The choices typed on a page, for deciding its own conditions before the page is valid. */
export function typedChoices(questions: Question[], values: Record<string, FormValue>): Answers {
  const answers: Answers = new Map()
  for (const q of questions) {
    const v = values[q.key]
    if (!v) continue
    if ((q.type === 'yesno' || q.type === 'single') && v.choice)
      answers.set(q.key, { type: q.type, choice: v.choice })
    if (q.type === 'multiple' && v.choices.length)
      answers.set(q.key, { type: 'multiple', choices: v.choices, notes: {} })
  }
  return answers
}
