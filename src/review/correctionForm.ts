import type { AnswerValue } from '../questionnaire/answerCodec'
import type { Question } from '../questionnaire/definitionSchema'
import { readFormValue, type FormBody } from '../questionnaire/formCodec'
import { validatePage } from '../questionnaire/pageValidation'
import type { FieldError } from '../shared/errors'

export type { FormBody }

export interface ParsedCorrection {
  value: AnswerValue | undefined
  errors: FieldError[]
}

/**
 * Reads an administrator's correction of one answer with the officer journey's own form
 * fields and checks (formCodec, pageValidation), so a corrected answer is exactly as valid
 * as one an officer could save. Required answers may be left out ("Save and come back
 * later" rules), and "Remove this answer" clears it.
 */
export function parseCorrection(question: Question, body: FormBody, year: number): ParsedCorrection {
  if (body.clear === 'yes') return { value: undefined, errors: [] }
  const value = readFormValue(question, body, year)
  const result = validatePage([question], { [question.key]: value }, { year, complete: false })
  return result.ok
    ? { value: result.answers.get(question.key), errors: [] }
    : { value: undefined, errors: result.errors }
}
