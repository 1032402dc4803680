import { z } from 'zod'
import type { Question } from './definitionSchema'
import { fieldId, type FormValue } from './formCodec'
import { validationMessage } from './validationMessages'
import { typeModule, type AnswerValue } from './types'
import type { Fail } from './types/questionType'
import type { FieldError } from '../shared/errors'
import type { Locale } from '../i18n/catalogues'

export interface PageValidationOptions {
  /** The edition year: only options offered in it are accepted. */
  year: number
  /** "Save and continue" requires required answers; "Save and come back later" does not. */
  complete: boolean
  idPrefix?: string
  /** The page's language, for the default messages (English when not given). */
  locale?: Locale
}

export type PageResult =
  { ok: true; answers: Map<string, AnswerValue | undefined> } | { ok: false; errors: FieldError[] }

/**
 * One zod schema for a page, built from its questions: each question's form fields in,
 * its answer out (undefined when left blank), with our own message per question and failure.
 */
export function buildPageSchema(questions: Question[], options: PageValidationOptions) {
  const shape = Object.fromEntries(
    questions.map((question) => [
      question.key,
      z
        .custom<FormValue>((v) => typeof v === 'object' && v !== null)
        .transform((value, ctx): AnswerValue | undefined => {
          const fail: Fail = (failure, parts = [], params = {}) => {
            ctx.addIssue({
              code: 'custom',
              message: validationMessage(question, failure, params, options.locale),
              path: parts,
            })
            return null
          }
          const mustAnswer = options.complete && question.required
          // Each type's module holds its rules: what counts as blank, what is malformed, the answer it stands for.
          const result = typeModule(question.type).validate({
            question,
            value,
            complete: mustAnswer,
            continuing: options.complete,
            year: options.year,
            fail,
          })
          return result ?? undefined
        }),
    ]),
  )
  return z.object(shape)
}

type PageSchema = ReturnType<typeof buildPageSchema>

/**
 * Page schemas by the questions' identity: building (and zod compiling) one costs more than
 * validating with it. Only questions of a stored definition are frozen (and so can't change
 * under a cached schema); a draft's are built afresh.
 */
const schemas = new WeakMap<Question, Map<string, PageSchema>>()

function pageSchema(questions: Question[], options: PageValidationOptions): PageSchema {
  const [first] = questions
  if (!first || !Object.isFrozen(first)) return buildPageSchema(questions, options)
  const key = [
    questions.map((q) => q.key).join(' '),
    options.year,
    options.complete,
    options.idPrefix,
    options.locale,
  ].join('|')
  let byKey = schemas.get(first)
  if (!byKey) schemas.set(first, (byKey = new Map()))
  let schema = byKey.get(key)
  if (!schema) byKey.set(key, (schema = buildPageSchema(questions, options)))
  return schema
}

/** Validates a page's form values; errors link to the field they concern (`#` + its id). */
export function validatePage(
  questions: Question[],
  values: Record<string, FormValue>,
  options: PageValidationOptions,
): PageResult {
  const parsed = pageSchema(questions, options).safeParse(values)
  if (parsed.success) return { ok: true, answers: new Map(Object.entries(parsed.data)) }
  const errors = parsed.error.issues.map((issue) => {
    const [key, ...parts] = issue.path.map(String)
    return { href: `#${fieldId(key, options.idPrefix ?? '', ...parts)}`, text: issue.message }
  })
  return { ok: false, errors }
}
