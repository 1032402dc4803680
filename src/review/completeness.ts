import type { Answers } from '../questionnaire/answerCodec'
import type { Definition } from '../questionnaire/definitionSchema'
import { isQuestionVisible, visibleAnswers } from '../questionnaire/visibility'

export interface Completeness {
  /** Required questions shown to this city (conditions applied to its answers). */
  required: number
  answered: number
  /** Whole percent, rounded down so 100 % means every required answer is there. */
  percent: number
}

/**
 * How far a response is: the share of its required, visible questions that have an answer.
 * Hidden questions are neither required nor counted (DESIGN §2).
 */
export function completeness(definition: Definition, answers: Answers): Completeness {
  const visible = visibleAnswers(definition, answers)
  let required = 0
  let answered = 0
  for (const section of definition.sections) {
    for (const page of section.pages) {
      for (const question of page.questions) {
        if (!question.required || !isQuestionVisible(question, page, visible)) continue
        required += 1
        if (visible.has(question.key)) answered += 1
      }
    }
  }
  const percent = required === 0 ? 100 : Math.floor((answered / required) * 100)
  return { required, answered, percent }
}
