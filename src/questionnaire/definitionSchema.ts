import { z } from 'zod'

/**
 * The questionnaire of one survey year (an edition) as data: sections → pages → questions.
 * Keys are stable across editions; labels may change per edition. See DESIGN.md §2.
 */

// Bounded: a key is part of page addresses and form field names.
const key = z
  .string()
  .max(60, 'Keys are at most 60 characters long')
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'Keys are lower-case words joined by "_" or "."')

/** A language as a lower-case ISO 639-1 code ("es"), optionally with a region ("pt-BR"). */
const localeCode = z
  .string()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'Languages are written as codes such as "es" or "pt-BR"')

const year = z.number().int().min(1900).max(2200)

/** A calendar date as YYYY-MM-DD (a day that exists). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are written YYYY-MM-DD, for example 2024-03-27')
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) &&
      new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    'No such date',
  )

export const optionSchema = z.object({
  key,
  label: z.string().min(1),
  /** Longer label used where the option is featured (e.g. "Promoting data-driven analytics / …"). */
  longLabel: z.string().min(1).optional(),
  hint: z.string().optional(),
  /** Lower-case phrase used inside sentences ("other public agencies"). Defaults to the label. */
  phrase: z.string().optional(),
  /** Edition years this option is offered in. Absent: every edition. */
  availableIn: z.array(year).min(1).optional(),
  /** Choosing it clears every other choice (e.g. "None of these"). */
  exclusive: z.boolean().optional(),
})
export type Option = z.infer<typeof optionSchema>

/** Show a question only when an earlier answer matches. */
export const conditionSchema = z.object({
  question: key,
  /** The earlier answer equals one of these option keys ("yes"/"no" for yes/no questions). */
  anyOf: z.array(z.string().min(1)).min(1),
})
export type Condition = z.infer<typeof conditionSchema>

/** Placeholders a sentence template may use. */
export const templatePlaceholders = [
  'city',
  'share',
  'shareInWords',
  'othersShare',
  'count',
  'list',
  'value',
] as const

const whenSchema = z
  .object({
    /** Single/yes-no answer equals this option key. */
    equals: z.string().optional(),
    /** Multiple-choice answer includes this option key. */
    includes: z.string().optional(),
    /** Number of options chosen (counting "Other"). */
    count: z.union([z.literal(0), z.literal(1), z.literal('many')]).optional(),
    /**
     * More than half (true) or at most half (false) of the cities that answered gave this answer,
     * so a template's comparative words ("Like", "Unlike") follow the shares.
     */
    moreThanHalf: z.boolean().optional(),
  })
  .strict()

export const sentenceSchema = z.object({
  when: whenSchema.optional(),
  text: z.string().min(1),
  /** Options left out of {list} (because the text names them itself). */
  listExcludes: z.array(z.string()).optional(),
})
export type Sentence = z.infer<typeof sentenceSchema>

export const profilePresentationSchema = z.object({
  /** The profile block it is shown in: the key of one of the definition's `profile.blocks`. */
  section: key,
  /** How the answer appears: as a list, a sentence, the top-rated items, two lists by matrix column. */
  display: z.enum(['list', 'sentence', 'value', 'topRated', 'matrixLists']).default('list'),
  /** Heading above a list; may use {city}. */
  heading: z.string().optional(),
  /** First matching sentence wins. */
  sentences: z.array(sentenceSchema).optional(),
  /** Draw "… by number of cities" for this question. */
  chart: z.object({ title: z.string().min(1) }).optional(),
  /**
   * Who is asked the question, as the base of its shares where it is not every city compared:
   * "cities with dedicated funding" ("68% of the 122 cities with dedicated funding").
   */
  askedOf: z.string().min(1).optional(),
})
export type ProfilePresentation = z.infer<typeof profilePresentationSchema>

/** Facts from the city's own record that the facts table may show before the questions' facts. */
export const cityFactFields = ['country', 'region'] as const

/** How a profile block shows its questions. */
export const profileBlockLayouts = ['section', 'facts', 'hidden'] as const
export type ProfileBlockLayout = (typeof profileBlockLayouts)[number]

/**
 * One block of the public profile, which questions name by key (`profile.section`). Layouts:
 * `section` shows each question's answer as its `display` says, in questionnaire order, under
 * the block's heading if it has one; `facts` is the table of label and answer that heads the
 * profile beside the map (its city facts first); `hidden` shows nothing (its questions are
 * counted and charted on the results pages only).
 */
export const profileBlockSchema = z.object({
  key,
  /** The block's name in the editor; absent: its key. */
  title: z.string().min(1).optional(),
  layout: z.enum(profileBlockLayouts).default('section'),
  /** A heading above the block's content, shown only when the block shows something; may use {city}. */
  heading: z.string().min(1).optional(),
  /** Facts layout: lines from the city's record shown first ("Country"). */
  cityFacts: z.array(z.object({ field: z.enum(cityFactFields), label: z.string().min(1) })).optional(),
})
export type ProfileBlock = z.infer<typeof profileBlockSchema>

export const profileLayoutSchema = z.object({ blocks: z.array(profileBlockSchema).default([]) })
export type ProfileLayout = z.infer<typeof profileLayoutSchema>

const questionBase = {
  key,
  /** The original instrument's number ("1.1"), when known. */
  number: z.string().optional(),
  label: z.string().min(1),
  hint: z.string().optional(),
  required: z.boolean().default(true),
  condition: conditionSchema.optional(),
  profile: profilePresentationSchema.optional(),
  /** Messages per failure; defaults are written from the label. */
  messages: z.record(z.string(), z.string()).optional(),
}

const choiceFields = {
  options: z.array(optionSchema).min(1),
  /** Offer "Other (please specify)" with a text box. */
  other: z.boolean().default(false),
  /** Offer a free-text note per chosen option. */
  notes: z.boolean().default(false),
}

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('yesno') }),
  z.object({ ...questionBase, type: z.literal('single'), ...choiceFields }),
  z.object({
    ...questionBase,
    type: z.literal('multiple'),
    ...choiceFields,
    maxChoices: z.number().int().positive().optional(),
  }),
  z.object({
    ...questionBase,
    type: z.literal('rating'),
    /** The items rated (rows). */
    options: z.array(optionSchema).min(1),
    /** The rating scale, lowest first. */
    scale: z.array(optionSchema).min(2),
  }),
  z.object({ ...questionBase, type: z.literal('ranking'), options: z.array(optionSchema).min(2) }),
  z.object({
    ...questionBase,
    type: z.literal('matrix'),
    /** Rows (e.g. policy areas). */
    options: z.array(optionSchema).min(1),
    /** One choice per row (e.g. sufficient / insufficient data). */
    columns: z.array(optionSchema).min(2),
  }),
  z.object({
    ...questionBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
    unit: z.string().optional(),
  }),
  z.object({ ...questionBase, type: z.literal('year'), min: year.optional(), max: year.optional() }),
  z.object({ ...questionBase, type: z.literal('date'), min: isoDate.optional(), max: isoDate.optional() }),
  z.object({ ...questionBase, type: z.literal('text'), maxLength: z.number().int().positive().default(200) }),
  z.object({
    ...questionBase,
    type: z.literal('longtext'),
    maxLength: z.number().int().positive().default(5000),
  }),
  z.object({ ...questionBase, type: z.literal('url') }),
  z.object({
    ...questionBase,
    type: z.literal('textList'),
    maxItems: z.number().int().min(1).max(20).default(5),
    maxLength: z.number().int().positive().default(200),
  }),
])
export type Question = z.infer<typeof questionSchema>
export type QuestionType = Question['type']
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>

export const pageSchema = z.object({
  key,
  title: z.string().min(1),
  intro: z.string().optional(),
  condition: conditionSchema.optional(),
  questions: z.array(questionSchema).min(1),
})
export type Page = z.infer<typeof pageSchema>

export const sectionSchema = z.object({
  key,
  title: z.string().min(1),
  /** The section's title on the public results pages, where the officer's title reads wrong there. */
  publicTitle: z.string().min(1).optional(),
  intro: z.string().optional(),
  pages: z.array(pageSchema).min(1),
})
export type Section = z.infer<typeof sectionSchema>

export const definitionSchema = z.object({
  /** Format version of this document, so old exports stay readable. */
  format: z.literal(1).default(1),
  year,
  title: z.string().min(1),
  /** The edition this one was copied from, for "what changed since last year". */
  copiedFrom: year.optional(),
  sections: z.array(sectionSchema).min(1),
  /** The public profile's layout: its blocks in page order. Absent: nothing is shown but the title. */
  profile: profileLayoutSchema.default({ blocks: [] }),
  /**
   * The questionnaire's other languages: locale ("es") → text key → text (see definitionTexts.ts).
   * A text without a translation is shown in English.
   */
  translations: z.record(localeCode, z.record(z.string(), z.string())).optional(),
})
export type Definition = z.infer<typeof definitionSchema>
export type DefinitionInput = z.input<typeof definitionSchema>
