import type { Option, Question, QuestionType } from '../definitionSchema'
import { isOffered } from '../definitionModel'
import type { AnswerRow } from '../../db/answerRow'

export type { AnswerRow }

/**
 * What one question type knows, in one module (src/questionnaire/types/<type>.ts): how its answer
 * is stored, read from the form, checked and worded when wrong, shown, exported, counted, charted,
 * made up for the demo and edited in authoring. The registry (./index.ts) holds one per type of the
 * definition schema, so a type without a module does not compile. The page a question is asked on
 * is its view, views/questions/<view>.ejs. Modelled on one-class-per-component form builders
 * (XGovFormBuilder's components, GOV.UK Forms' runner), as plain objects rather than classes.
 *
 * This file imports no module of a type and none of the files that dispatch to them, so nothing
 * here can form an import cycle.
 */

/** The question of one type, e.g. QuestionOf<'number'> has min, max, integer and unit. */
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>

/** Option key reserved for "Other (please specify)"; definitions may not use it. */
export const OTHER = 'other'

/** A stored row with the fields not given left empty. */
export const answerRow = (
  questionKey: string,
  optionKey: string,
  fields: Partial<AnswerRow> = {},
): AnswerRow => ({
  questionKey,
  optionKey,
  text: null,
  number: null,
  note: null,
  ...fields,
})

/**
 * A question's form fields as the officer typed them: strings only, so invalid input
 * ("12 thousand") is kept and shown again. One flat shape for every question type keeps
 * the EJS partials simple; each type reads only the fields it needs.
 */
export interface FormValue {
  /** yes/no and single choice: the chosen key. */
  choice: string
  /** multiple choice: the chosen keys. */
  choices: string[]
  /** The "Other (please specify)" text. */
  other: string
  /** multiple choice: a note per chosen option. */
  notes: Record<string, string>
  /** rating and matrix: row key → column key; ranking: item key → rank ("1"…); date: day, month, year. */
  cells: Record<string, string>
  /** number, year, text, long text, URL. */
  text: string
  /** repeatable text. */
  values: string[]
}

export const emptyFormValue = (): FormValue => ({
  choice: '',
  choices: [],
  other: '',
  notes: {},
  cells: {},
  text: '',
  values: [],
})

/** Reads one of the question's posted fields: the field itself, or one of its parts (`field('other')`). */
export type FieldReader = (...parts: string[]) => unknown

/** One string from a body field (the body parser may give a string, an array or an object). */
export function one(raw: unknown): string {
  if (typeof raw === 'string') return raw
  if (Array.isArray(raw)) return typeof raw[0] === 'string' ? raw[0] : ''
  return ''
}

/** Every string of a repeated body field (checkboxes). */
export function many(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw]
  if (Array.isArray(raw)) return raw.filter((v): v is string => typeof v === 'string')
  if (raw && typeof raw === 'object')
    return Object.values(raw).filter((v): v is string => typeof v === 'string')
  return []
}

/**
 * The ways an answer can fail; a question's `messages` record may override any of them
 * (the shipped definitions use required, invalid, integer, min, max, maxLength, maxChoices,
 * otherRequired and exclusive).
 */
export type Failure =
  | 'required'
  | 'invalid'
  | 'integer'
  | 'range'
  | 'min'
  | 'max'
  | 'maxLength'
  | 'maxChoices'
  | 'exclusive'
  | 'incomplete'
  | 'duplicate'
  | 'otherRequired'
  | 'otherMaxLength'
  | 'noteMaxLength'

export type MessageParams = Record<string, string | number>

/** Reports one failure of one question at one of its fields (`parts` of its id); returns null. */
export type Fail = (failure: Failure | Failure[], parts?: string[], params?: MessageParams) => null

/** What a validator gets: the question, what was typed, and whether an answer is required now. */
export interface Check<T extends QuestionType> {
  question: QuestionOf<T>
  value: FormValue
  /** The answer is required now (continuing, and the question is required). */
  complete: boolean
  /** The officer pressed "Save and continue" (not "come back later"). */
  continuing: boolean
  year: number
  fail: Fail
}

/** The words a default message is written with, from the question's label. */
export interface MessageWords {
  /** The label in quotes: “What is the city's population”. */
  quoted: string
  /** "the city's population", when the label reads as a noun phrase. */
  noun: string | undefined
  /** The noun phrase with a capital, or "The answer to “…”". */
  subject: string
  /** A yes/no label as a clause ("the city has dedicated funding"), in English only. */
  whether?: string | undefined
}

/**
 * A default message: its catalogue key (src/i18n/locales, group `validation`), with any values
 * beyond the words and the failure's parameters.
 */
export type Worded = string | { key: string; values: Record<string, string | number> }

export type Cell = string | number | null

/** The two published layouts of answers as columns: they differ in a few names, kept as people know them. */
export interface ColumnLayout {
  /** The edition years whose options get columns (options offered in any of them). */
  years: number[]
  /**
   * 'review': the administrators' export (the "Other" text in `key.other`, a list in one cell);
   * 'openData': the public files (`key.other` is 0/1 and its text is `key.other_text`, one column per list entry).
   */
  kind: 'review' | 'openData'
}

/** One column a question contributes: its name, codebook entry and how to read it from the answer. */
export interface ColumnSpec<A> {
  /** The column name: `key`, `key.option`, `key.option.note`, `key.other`. */
  name: string
  /** The option, row, item or entry the column is about ('' for the whole answer). */
  optionKey: string
  /** What the values mean, e.g. "yes = Yes; no = No" or "1 = chosen, 0 = not chosen: Grants". */
  values: string
  /** The cell of a city that answered the question (one that did not gets an empty cell). */
  read: (answer: A) => Cell
  /** The edition years the column's option is offered in, where not every year. */
  availableIn?: number[]
}

/**
 * How the results draw a question ("… by number of cities"): the profiles know how to draw each
 * kind; a type only chooses one.
 * - none: written answers, not counted
 * - yesno: a bar for yes and one for no
 * - options: a bar per option (and "Other")
 * - perColumn: a chart per matrix column, a bar per row
 * - topOfScale: a bar per rated item, counting the top rating
 * - rankedFirst: a bar per item, counting first places
 * - byValue: a bar per value counted (countedKeys), in order, e.g. a date's year
 * - distribution: the counted values (countedKeys are numbers) in bins of a round width, in
 *   order, with the median and range in words (profiles/distribution.ts)
 */
export type ChartKind =
  'none' | 'yesno' | 'options' | 'perColumn' | 'topOfScale' | 'rankedFirst' | 'byValue' | 'distribution'

/** What the demo data may use to make up an answer: the city, reproducible randomness and target shares. */
export interface DemoContext {
  year: number
  city: { name: string; slug: string }
  rng: () => number
  /** The city's quota position for a salt, in (0, 1): below a share p means "among the first p". */
  position: (salt: string) => number
  /** Target shares for this question: per option key ("yes" for yes/no), where the demo has some. */
  shares: (questionKey: string) => Record<string, number> | undefined
  /** Target shares of a matrix row: answered at all, and with its first column. */
  rowShares: (rowKey: string) => { answered: number; sufficient: number }
  /** The share of cities that choose "Other". */
  otherShare: number
  otherText: (questionKey: string) => string
  note: () => string
  personName: () => string
  /** A weighted pick by a position in (0, 1). */
  pickByShares: (position: number, weights: Array<[string, number]>) => string
  intBetween: (min: number, max: number) => number
}

/** A field of the authoring form that a type adds (min, max, unit …), named like the question's property. */
export interface AuthoringField {
  name: string
  label: string
  kind: 'number' | 'text' | 'checkbox'
  hint?: string
  /** GOV.UK input width class. */
  width?: string
  inputmode?: 'numeric' | 'decimal'
  /** How a problem with it is named: "the minimum". */
  called?: string
}

/** The option lists a new question of this type starts with, from the "new question" form. */
export type InitialLists = Array<'options' | 'scale' | 'columns'>

export interface QuestionTypeModule<T extends QuestionType, A extends { type: T }> {
  type: T
  /** For authoring's type choice: "Yes or no". */
  title: string
  /** The partial under views/questions that asks it. */
  view: string

  // Storage (answerCodec)
  toRows: (questionKey: string, answer: A) => AnswerRow[]
  /** Rebuilds the answer from its rows (never empty). */
  fromRows: (question: QuestionOf<T>, rows: AnswerRow[]) => A

  // The form (formCodec)
  /** A saved answer as the fields it fills in. */
  toForm: (answer: A) => Partial<FormValue>
  /** The posted fields it reads (only options offered in this edition). */
  readForm: (question: QuestionOf<T>, field: FieldReader, year: number) => Partial<FormValue>

  // Validation (pageValidation) and its messages (validationMessages)
  /** The typed fields in, the answer out (null when blank or invalid, after `fail`). */
  validate: (check: Check<T>) => A | null
  /** Default wording of failures particular to the type; the others are worded alike for every type. */
  messages: Partial<Record<Failure, (words: MessageWords, question: QuestionOf<T>) => Worded>>

  // Display (check answers, review, profiles)
  /** The answer as lines of plain text ("Other: …" as written, notes after their option). */
  display: (question: QuestionOf<T>, answer: A) => string[]
  /** The answer as the {value} of a profile sentence; its {list} items joined when absent. */
  sentenceValue?: (question: QuestionOf<T>, answer: A) => string
  /** The answer as the items of a sentence's {list}; its one {value} when absent. */
  listPhrases?: (question: QuestionOf<T>, answer: A, excludes: string[]) => string[]
  /** How many things the answer names, for a sentence's {count} and `when.count`; 1 when absent. */
  chosenCount?: (question: QuestionOf<T>, answer: A) => number

  // Export and open data
  columns: (question: QuestionOf<T>, layout: ColumnLayout) => Array<ColumnSpec<A>>

  // Aggregation and charts
  /** The keys the answer counts towards ("row=column" for grids, "item=rank" for rankings). */
  countedKeys: (answer: A) => string[]
  /** The whole answer as one comparable string; the counted keys, sorted, when absent. */
  signature?: (answer: A) => string
  chart: ChartKind

  // Demo data
  demo: (question: QuestionOf<T>, ctx: DemoContext) => A | undefined
  /** The demo leaves 30% of optional questions unanswered, unless the type decides for itself. */
  demoAnswersOptional?: boolean

  // Authoring
  authoringFields: AuthoringField[]
  initialLists: InitialLists
}

/** The options of a question offered in any of these edition years. */
export const optionsOfYears = (question: Question, years: number[]): Option[] =>
  'options' in question ? question.options.filter((o) => years.some((year) => isOffered(o, year))) : []

/** "a = A; b = B", for the codebook. */
export const keyLabels = (pairs: Array<[string, string]>): string =>
  pairs.map(([key, label]) => `${key} = ${label}`).join('; ')

export const formatNumber = new Intl.NumberFormat('en-GB')
