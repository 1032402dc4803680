import type { FieldError } from '../../shared/errors'
import type { Question, QuestionType } from '../definitionSchema'
import {
  checked,
  formValues,
  list,
  numberField,
  optionsFromLines,
  setOptional,
  text,
  type FormValues,
} from './formValues'
import { linesToSentences, sentencesToLines } from './sentenceLines'
import { findTypeModule, typeList } from '../types'
import type { AuthoringField } from '../types/questionType'

/** The types authoring offers, with their names ("Yes or no"), from the types' modules. */
export const questionTypes: Array<{ value: QuestionType; text: string }> = typeList.map((module) => ({
  value: module.type,
  text: module.title,
}))

/** Every field some type adds to the question form (min, max, unit …), each name once. */
const typeFields: AuthoringField[] = [
  ...new Map(
    typeList.flatMap((module) => module.authoringFields).map((field) => [field.name, field]),
  ).values(),
]

/** The fields the question form shows for a type, after the ones every question has. */
export const typeFieldsOf = (type: string): AuthoringField[] => findTypeModule(type)?.authoringFields ?? []

/** Form fields named exactly like the question's own properties. */
export const textFields = [
  'key',
  'number',
  'type',
  'label',
  'hint',
  'required',
  ...typeFields.map((f) => f.name),
]
const moreFields = [
  'conditionQuestion',
  'profileSection',
  'profileDisplay',
  'profileHeading',
  'profileSentences',
  'profileChart',
  'profileChartTitle',
  'newOptions',
  'newScale',
]

/** The question form's fields from a request body. */
export const questionValues = (body: unknown): FormValues =>
  formValues(body, [...textFields, ...moreFields], ['conditionAnswers'])

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value))

/** A stored question as form values, for the edit form. */
export function questionToValues(question: Question): FormValues {
  const record = question as Record<string, unknown>
  const values: FormValues = {}
  for (const name of ['key', 'number', 'type', 'label', 'hint']) values[name] = str(record[name])
  values.required = question.required ? 'true' : ''
  for (const field of typeFields)
    values[field.name] =
      field.kind === 'checkbox' ? (record[field.name] ? 'true' : '') : str(record[field.name])
  values.conditionQuestion = question.condition?.question ?? ''
  values.conditionAnswers =
    question.condition?.anyOf.map((answer) => `${question.condition!.question}=${answer}`) ?? []
  values.profileSection = question.profile?.section ?? ''
  values.profileDisplay = question.profile?.display ?? 'list'
  values.profileHeading = question.profile?.heading ?? ''
  values.profileSentences = sentencesToLines(question.profile?.sentences)
  values.profileChart = question.profile?.chart ? 'true' : ''
  values.profileChartTitle = question.profile?.chart?.title ?? ''
  return values
}

/** A new question's defaults: required, with the type chosen. */
export const newQuestionValues = (): FormValues => ({
  required: 'true',
  type: 'single',
  integer: 'true',
  profileDisplay: 'list',
  conditionAnswers: [],
})

/**
 * Builds a question from the form, starting from the stored one so that fields the form
 * does not show (messages, option details) are kept. Shape problems are left for
 * validateDefinition; only unreadable input (a number that is not one) is reported here.
 */
export function buildQuestion(
  values: FormValues,
  existing?: Question,
): { question: Question; errors: FieldError[] } {
  const errors: FieldError[] = []
  const type = (existing?.type ?? text(values, 'type')) as QuestionType
  const q: Record<string, unknown> = existing ? structuredClone(existing) : { type }
  q.key = text(values, 'key')
  q.label = text(values, 'label')
  setOptional(q, 'number', text(values, 'number'))
  setOptional(q, 'hint', text(values, 'hint'))
  q.required = checked(values, 'required')
  for (const field of typeFieldsOf(type)) {
    if (field.kind === 'checkbox') q[field.name] = checked(values, field.name)
    else if (field.kind === 'number')
      setOptional(q, field.name, numberField(values, field.name, field.called ?? field.name, errors))
    else setOptional(q, field.name, text(values, field.name))
  }
  setOptional(q, 'condition', conditionFrom(values))
  setOptional(q, 'profile', profileFrom(values, existing, errors))
  if (!existing) addInitialOptions(q, type, values)
  return { question: q as Question, errors }
}

/** A condition from the "shown only when" fields: the chosen question and its ticked answers. */
export function conditionFrom(values: FormValues): { question: string; anyOf: string[] } | undefined {
  const question = text(values, 'conditionQuestion')
  if (!question) return undefined
  const prefix = `${question}=`
  const anyOf = list(values, 'conditionAnswers')
    .filter((v) => v.startsWith(prefix))
    .map((v) => v.slice(prefix.length))
  return { question, anyOf }
}

function profileFrom(
  values: FormValues,
  existing: Question | undefined,
  errors: FieldError[],
): Record<string, unknown> | undefined {
  const section = text(values, 'profileSection')
  if (!section) return undefined
  const profile: Record<string, unknown> = {
    ...(existing?.profile ?? {}),
    section,
    display: text(values, 'profileDisplay') || 'list',
  }
  setOptional(profile, 'heading', text(values, 'profileHeading'))
  const sentences = linesToSentences(text(values, 'profileSentences'))
  if (!sentences.ok) errors.push({ href: '#profileSentences', text: sentences.message })
  else setOptional(profile, 'sentences', sentences.sentences.length ? sentences.sentences : undefined)
  setOptional(
    profile,
    'chart',
    checked(values, 'profileChart') ? { title: text(values, 'profileChartTitle') } : undefined,
  )
  return profile
}

function addInitialOptions(q: Record<string, unknown>, type: QuestionType, values: FormValues): void {
  // The options (rows, items) come from one box; a rating's scale or a matrix's columns from the other.
  for (const list of findTypeModule(type)?.initialLists ?? [])
    q[list] = optionsFromLines(text(values, list === 'options' ? 'newOptions' : 'newScale'))
}
