import { groupRows, rowsToAnswer, type AnswerRow, type Answers } from '../questionnaire/answerCodec'
import type { Definition, Page, Question, Section } from '../questionnaire/definitionSchema'
import { allQuestions, questionIndex, type PlacedQuestion } from '../questionnaire/definitionModel'
import { answerToFormValue } from '../questionnaire/formCodec'
import { validatePage } from '../questionnaire/pageValidation'
import { conditionHolds, isPageVisible, visibleAnswers } from '../questionnaire/visibility'

/**
 * Pure rules of the officer's journey over one definition and one set of answers:
 * which pages and questions apply, what is missing, how far each section has got.
 */

export interface PlacedPage {
  section: Section
  sectionIndex: number
  page: Page
}

export type SectionStatus = 'not_started' | 'in_progress' | 'completed' | 'problem'

export const sectionStatusLabels: Record<SectionStatus, string> = {
  not_started: 'Not yet started',
  in_progress: 'In progress',
  completed: 'Completed',
  problem: 'There is a problem',
}

/** Every stored answer of a response, typed by the definition (rows of unknown questions are left out). */
export function answersFromRows(definition: Definition, rows: AnswerRow[]): Answers {
  const index = questionIndex(definition)
  const answers: Answers = new Map()
  for (const [key, questionRows] of groupRows(rows)) {
    const placed = index.get(key)
    if (!placed) continue
    // Rows come back by option key; answers read in the definition's option order.
    const order = 'options' in placed.question ? placed.question.options.map((o) => o.key) : []
    const sorted = [...questionRows].sort((a, b) => order.indexOf(a.optionKey) - order.indexOf(b.optionKey))
    const value = rowsToAnswer(placed.question, sorted)
    if (value) answers.set(key, value)
  }
  return answers
}

export function findPage(
  definition: Definition,
  sectionKey: string,
  pageKey: string,
): PlacedPage | undefined {
  const sectionIndex = definition.sections.findIndex((s) => s.key === sectionKey)
  const section = definition.sections[sectionIndex]
  const page = section?.pages.find((p) => p.key === pageKey)
  return page && { section, sectionIndex, page }
}

/** Whether a question's condition refers to a question on its own page (then the page decides as it is filled in). */
export const conditionOnSamePage = (question: Question, page: Page): boolean =>
  Boolean(question.condition && page.questions.some((q) => q.key === question.condition!.question))

/**
 * The questions a page shows: conditions on earlier pages are settled by the saved answers;
 * a question whose condition is on the same page is shown, and counts only when it holds.
 */
export function shownQuestions(page: Page, visible: Answers): Question[] {
  return page.questions.filter((q) => conditionOnSamePage(q, page) || conditionHolds(q.condition, visible))
}

/** The page's questions that apply, given the saved answers and what is on the page now (in reading order). */
export function applicableQuestions(page: Page, visible: Answers, current: Answers): Question[] {
  const known: Answers = new Map(visible)
  const result: Question[] = []
  for (const question of page.questions) {
    if (!conditionHolds(question.condition, known)) {
      known.delete(question.key)
      continue
    }
    result.push(question)
    const value = current.get(question.key)
    if (value) known.set(question.key, value)
    else known.delete(question.key)
  }
  return result
}

/** A page applies when its condition holds and at least one of its questions can show. */
export function pageApplies(page: Page, visible: Answers): boolean {
  return isPageVisible(page, visible) && shownQuestions(page, visible).length > 0
}

/** The pages that apply, in order: the path through the questionnaire. */
export function applicablePages(definition: Definition, answers: Answers): PlacedPage[] {
  const visible = visibleAnswers(definition, answers)
  return definition.sections.flatMap((section, sectionIndex) =>
    section.pages
      .filter((page) => pageApplies(page, visible))
      .map((page) => ({ section, sectionIndex, page })),
  )
}

/** Whether a saved answer is complete enough to submit (every row of a required grid, a whole ranking, …). */
export function isComplete(question: Question, answers: Answers, year: number): boolean {
  const value = answers.get(question.key)
  if (!value) return !question.required
  return validatePage(
    [question],
    { [question.key]: answerToFormValue(question, value) },
    { year, complete: true },
  ).ok
}

/** Required questions that apply and are not (completely) answered, in reading order. */
export function missingAnswers(definition: Definition, answers: Answers, year: number): PlacedQuestion[] {
  const visible = visibleAnswers(definition, answers)
  return allQuestions(definition).filter(
    (placed) =>
      isPageVisible(placed.page, visible) &&
      conditionHolds(placed.question.condition, visible) &&
      !isComplete(placed.question, visible, year),
  )
}

export interface SectionProgress {
  status: SectionStatus
  answered: number
  missing: PlacedQuestion[]
  prefilled: boolean
}

/**
 * A section is not started until something in it is answered, completed when nothing it
 * requires is missing and no copied answer waits to be checked, and has a problem while a
 * reviewer's comment on one of its questions has not been acted on.
 */
export function sectionProgress(
  section: Section,
  context: {
    missing: PlacedQuestion[]
    answers: Answers
    prefilledKeys: Set<string>
    problemKeys: Set<string>
  },
): SectionProgress {
  const keys = section.pages.flatMap((p) => p.questions.map((q) => q.key))
  const missing = context.missing.filter((m) => m.section.key === section.key)
  const answered = keys.filter((k) => context.answers.has(k)).length
  const prefilled = keys.some((k) => context.prefilledKeys.has(k))
  let status: SectionStatus = 'not_started'
  if (keys.some((k) => context.problemKeys.has(k))) status = 'problem'
  else if (answered > 0) status = missing.length === 0 && !prefilled ? 'completed' : 'in_progress'
  return { status, answered, missing, prefilled }
}
