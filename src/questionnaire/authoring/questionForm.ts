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

export const questionTypes: Array<{ value: QuestionType; text: string }> = [
  { value: 'yesno', text: 'Yes or no' },
  { value: 'single', text: 'One choice' },
  { value: 'multiple', text: 'Several choices' },
  { value: 'rating', text: 'Rating of each item' },
  { value: 'ranking', text: 'Ranking of items' },
  { value: 'matrix', text: 'Matrix (one column per row)' },
  { value: 'number', text: 'Number' },
  { value: 'year', text: 'Year' },
  { value: 'text', text: 'Short text' },
  { value: 'longtext', text: 'Long text' },
  { value: 'url', text: 'Web address' },
  { value: 'textList', text: 'Several short texts' },
]

/** Form fields named exactly like the question's own properties. */
export const textFields = [
  'key',
  'number',
  'type',
  'label',
  'hint',
  'required',
  'min',
  'max',
  'integer',
  'unit',
  'maxLength',
  'maxItems',
  'maxChoices',
  'other',
  'notes',
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
  for (const name of [
    'key',
    'number',
    'type',
    'label',
    'hint',
    'min',
    'max',
    'unit',
    'maxLength',
    'maxItems',
    'maxChoices',
  ])
    values[name] = str(record[name])
  for (const name of ['required', 'integer', 'other', 'notes']) values[name] = record[name] ? 'true' : ''
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
  if (type === 'number' || type === 'year') {
    setOptional(q, 'min', numberField(values, 'min', 'minimum', errors))
    setOptional(q, 'max', numberField(values, 'max', 'maximum', errors))
  }
  if (type === 'number') {
    q.integer = checked(values, 'integer')
    setOptional(q, 'unit', text(values, 'unit'))
  }
  if (type === 'text' || type === 'longtext' || type === 'textList')
    setOptional(q, 'maxLength', numberField(values, 'maxLength', 'longest answer', errors))
  if (type === 'textList') setOptional(q, 'maxItems', numberField(values, 'maxItems', 'most items', errors))
  if (type === 'single' || type === 'multiple') {
    q.other = checked(values, 'other')
    q.notes = checked(values, 'notes')
  }
  if (type === 'multiple')
    setOptional(q, 'maxChoices', numberField(values, 'maxChoices', 'most choices', errors))
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
  if (['single', 'multiple', 'rating', 'ranking', 'matrix'].includes(type))
    q.options = optionsFromLines(text(values, 'newOptions'))
  if (type === 'rating') q.scale = optionsFromLines(text(values, 'newScale'))
  if (type === 'matrix') q.columns = optionsFromLines(text(values, 'newScale'))
}
