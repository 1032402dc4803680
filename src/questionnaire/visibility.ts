import type { Answers, AnswerValue } from './answerCodec'
import type { Condition, Definition, Page, Question } from './definitionSchema'

/** The option keys an answer stands for, for matching conditions. */
function chosenKeys(value: AnswerValue | undefined): string[] {
  if (!value) return []
  if (value.type === 'yesno' || value.type === 'single') return [value.choice]
  if (value.type === 'multiple') return value.choices
  return []
}

export function conditionHolds(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true
  return chosenKeys(answers.get(condition.question)).some((key) => condition.anyOf.includes(key))
}

export const isPageVisible = (page: Page, answers: Answers): boolean =>
  conditionHolds(page.condition, answers)

/** A question is shown when its page's and its own conditions hold. */
export const isQuestionVisible = (question: Question, page: Page, answers: Answers): boolean =>
  isPageVisible(page, answers) && conditionHolds(question.condition, answers)

/**
 * Only the answers that count: answers to questions hidden by a later change are kept
 * in storage but are neither required nor counted (DESIGN §2). Conditions refer to
 * earlier questions, so one pass in reading order settles them.
 */
export function visibleAnswers(definition: Definition, answers: Answers): Answers {
  const visible: Answers = new Map()
  for (const section of definition.sections) {
    for (const page of section.pages) {
      for (const question of page.questions) {
        const value = answers.get(question.key)
        if (value && isQuestionVisible(question, page, visible)) visible.set(question.key, value)
      }
    }
  }
  return visible
}
