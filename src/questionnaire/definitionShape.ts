import { z } from 'zod'
import {
  conditionSchema,
  definitionSchema,
  pageSchema,
  questionSchema,
  sectionSchema,
  type Condition,
  type Question,
} from './definitionSchema'
import { documentPlace, pagePlace, questionPlace, sectionPlace } from './definitionPlaces'
import type { DefinitionProblem } from './definitionProblem'
import { shapeMessage } from './shapeMessages'

/**
 * A definition read part by part (document, each section, each page, each question), so that a
 * shape problem in one part is reported beside the problems of every other part instead of
 * stopping the check: what could be read of each part is kept for the cross-checks.
 */

export interface ReadQuestion {
  path: string
  where: string
  key?: string
  label?: string
  /** The whole question, when its shape is right. */
  question?: Question
  /** Its condition, when that part's shape is right (even if the rest is not). */
  condition?: Condition
}

export interface ReadPage {
  path: string
  where: string
  key?: string
  condition?: Condition
  questions: ReadQuestion[]
}

export interface ReadSection {
  index: number
  path: string
  where: string
  key?: string
  pages: ReadPage[]
}

export interface ReadDefinition {
  year?: number
  sections: ReadSection[]
  problems: DefinitionProblem[]
}

const listOf = z.array(z.unknown())
const documentShape = definitionSchema.extend({ sections: listOf.min(1) })
const sectionShape = sectionSchema.extend({ pages: listOf.min(1) })
const pageShape = pageSchema.extend({ questions: listOf.min(1) })
export const questionTypeNames: readonly string[] = questionSchema.options.map(
  (option) => option.shape.type.value,
)

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value ? value : undefined
const arrayOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

function check(
  schema: z.ZodType,
  value: unknown,
  path: string,
  where: string,
  into: DefinitionProblem[],
): boolean {
  const parsed = schema.safeParse(value)
  if (parsed.success) return true
  for (const issue of parsed.error.issues) {
    const { message, generic } = shapeMessage(issue, value, questionTypeNames)
    const full = [path, ...issue.path.map(String)].filter(Boolean).join('.')
    into.push({ path: full || '(document)', where, message, ...(generic ? { generic } : {}) })
  }
  return false
}

const conditionOf = (value: unknown): Condition | undefined => {
  const parsed = conditionSchema.safeParse(value)
  return parsed.success ? parsed.data : undefined
}

/** Reads every part of a definition, noting each shape problem where it is. */
export function readDefinition(input: unknown): ReadDefinition {
  const problems: DefinitionProblem[] = []
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    problems.push({
      path: '(document)',
      where: documentPlace,
      message: 'the definition must be a JSON object with "year", "title" and "sections"',
    })
    return { sections: [], problems }
  }
  check(documentShape, input, '', documentPlace, problems)
  const doc = record(input)
  const sections = arrayOf(doc.sections).map((raw, s) => readSection(raw, s, problems))
  return { year: typeof doc.year === 'number' ? doc.year : undefined, sections, problems }
}

function readSection(raw: unknown, s: number, problems: DefinitionProblem[]): ReadSection {
  const value = record(raw)
  const path = `sections.${s}`
  const where = sectionPlace(s, { key: textOf(value.key), name: textOf(value.title) })
  check(sectionShape, raw, path, where, problems)
  const pages = arrayOf(value.pages).map((page, p) => readPage(page, s, p, problems))
  return { index: s, path, where, key: textOf(value.key), pages }
}

function readPage(raw: unknown, s: number, p: number, problems: DefinitionProblem[]): ReadPage {
  const value = record(raw)
  const path = `sections.${s}.pages.${p}`
  const where = pagePlace(s, p, { key: textOf(value.key), name: textOf(value.title) })
  check(pageShape, raw, path, where, problems)
  const questions = arrayOf(value.questions).map((question, q) => {
    const item = record(question)
    const named = { key: textOf(item.key), name: textOf(item.label) }
    const read: ReadQuestion = {
      path: `${path}.questions.${q}`,
      where: questionPlace(named, { page: where, index: q }),
      key: named.key,
      label: named.name,
      condition: conditionOf(item.condition),
    }
    if (check(questionSchema, question, read.path, read.where, problems))
      read.question = questionSchema.parse(question)
    return read
  })
  return { path, where, key: textOf(value.key), condition: conditionOf(value.condition), questions }
}
