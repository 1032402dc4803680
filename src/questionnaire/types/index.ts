import type { Question, QuestionType } from '../definitionSchema'
import { date } from './date'
import { longtext } from './longtext'
import { matrix } from './matrix'
import { multiple } from './multiple'
import { number } from './number'
import type { AnswerRow, QuestionOf, QuestionTypeModule } from './questionType'
import { ranking } from './ranking'
import { rating } from './rating'
import { single } from './single'
import { text } from './text'
import { textList } from './textList'
import { url } from './url'
import { year } from './year'
import { yesno } from './yesno'

/** What the registry checks of each entry (each module's file checks the rest against QuestionTypeModule). */
interface Registration<T extends QuestionType> {
  type: T
  fromRows: (question: QuestionOf<T>, rows: AnswerRow[]) => { type: T }
}

/**
 * Every question type's module, by the type's name. The `satisfies` makes it exhaustive: a type
 * in the definition schema without its module here (or a module of another type) does not compile.
 */
export const questionTypes = {
  yesno,
  single,
  multiple,
  rating,
  ranking,
  matrix,
  number,
  year,
  date,
  text,
  longtext,
  url,
  textList,
} satisfies { [T in QuestionType]: Registration<T> }

type Registry = typeof questionTypes

/** The answer of one question type, as its module defines it. */
export type AnswerOf<T extends QuestionType> = ReturnType<Registry[T]['fromRows']>

/** An answer to one question, in the shape the form and the profile work with. */
export type AnswerValue = { [T in QuestionType]: AnswerOf<T> }[QuestionType]

/** A response's answers by question key. */
export type Answers = Map<string, AnswerValue>

/** A module as the dispatchers call it: with any question, and an answer of that question's type. */
export type AnyTypeModule = QuestionTypeModule<QuestionType, AnswerValue>

/**
 * The module of a question type. TypeScript cannot follow that `questionTypes[question.type]`
 * is the module of that question's own type (a correlated union), so this is the one place that
 * says so. Callers pass it the question whose type chose it, and only an answer of that type
 * (`answerOf` checks one that comes from elsewhere).
 */
export const typeModule = (type: QuestionType): AnyTypeModule =>
  questionTypes[type] as unknown as AnyTypeModule

/** The answer when it is of the question's type (stored answers outlive a changed definition). */
export const answerOf = (question: Question, answer: AnswerValue | undefined): AnswerValue | undefined =>
  answer?.type === question.type ? answer : undefined

/** Every type, in the order authoring offers them. */
export const typeList: AnyTypeModule[] = Object.values(questionTypes).map((module) => typeModule(module.type))

/** The module of a type named in a request (authoring's forms), or undefined for a name that is none. */
export const findTypeModule = (type: string): AnyTypeModule | undefined =>
  Object.hasOwn(questionTypes, type) ? typeModule(type as QuestionType) : undefined
