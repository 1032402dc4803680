import type { z } from 'zod'
import { definitionSchema, templatePlaceholders, type Definition, type Question } from './definitionSchema'
import { OTHER } from './answerCodec'
import { answerKeys } from './definitionModel'
import { profileLayoutProblems } from './profileLayoutProblems'

export interface DefinitionProblem {
  /** Where the problem is, e.g. "sections.1.pages.0.questions.2.options.3.key". */
  path: string
  message: string
}

export type DefinitionResult =
  { ok: true; definition: Definition } | { ok: false; problems: DefinitionProblem[] }

export interface ValidationContext {
  /** Edition years that exist; an option may only be offered in these. */
  knownYears: number[]
}

const placeholderPattern = /\{([^{}]*)\}/g

/**
 * Validates a definition's shape (zod) and then its meaning: unique keys, conditions that
 * point back to earlier questions, known template placeholders and existing edition years.
 * Every problem is reported with its path, so an import can list them all at once.
 */
export function validateDefinition(input: unknown, context: ValidationContext): DefinitionResult {
  const parsed = definitionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) }
  const problems = meaningProblems(parsed.data, context)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, definition: parsed.data }
}

function zodProblems(error: z.ZodError): DefinitionProblem[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.') || '(document)', message: issue.message }))
}

function meaningProblems(definition: Definition, context: ValidationContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const years = new Set([...context.knownYears, definition.year])
  const seen = { sections: new Set<string>(), pages: new Set<string>() }
  const earlier = new Map<string, Question>()
  const duplicate = (set: Set<string>, key: string, path: string) => {
    if (set.has(key)) problems.push({ path, message: `Duplicate key "${key}"` })
    set.add(key)
  }

  definition.sections.forEach((section, s) => {
    duplicate(seen.sections, section.key, `sections.${s}.key`)
    section.pages.forEach((page, p) => {
      const pagePath = `sections.${s}.pages.${p}`
      duplicate(seen.pages, page.key, `${pagePath}.key`)
      if (page.condition)
        problems.push(...conditionProblems(page.condition, earlier, `${pagePath}.condition`))
      const onThisPage = new Map<string, Question>()
      page.questions.forEach((question, q) => {
        const path = `${pagePath}.questions.${q}`
        if (earlier.has(question.key) || onThisPage.has(question.key)) {
          problems.push({ path: `${path}.key`, message: `Duplicate key "${question.key}"` })
        }
        if (question.condition) {
          const visible = new Map([...earlier, ...onThisPage])
          problems.push(...conditionProblems(question.condition, visible, `${path}.condition`))
        }
        problems.push(...questionProblems(question, path, years))
        onThisPage.set(question.key, question)
      })
      for (const [key, question] of onThisPage) earlier.set(key, question)
    })
  })
  problems.push(...profileLayoutProblems(definition))
  return problems
}

function conditionProblems(
  condition: { question: string; anyOf: string[] },
  earlier: Map<string, Question>,
  path: string,
): DefinitionProblem[] {
  const target = earlier.get(condition.question)
  if (!target) {
    return [
      {
        path: `${path}.question`,
        message: `Condition names "${condition.question}", which is not an earlier question`,
      },
    ]
  }
  const allowed = answerKeys(target)
  return condition.anyOf
    .filter((value) => !allowed.includes(value))
    .map((value) => ({
      path: `${path}.anyOf`,
      message: `"${value}" is not an answer of "${condition.question}"`,
    }))
}

function questionProblems(question: Question, path: string, years: Set<number>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  const optionLists: Array<[string, { key: string; availableIn?: number[] }[]]> = []
  if ('options' in question) optionLists.push(['options', question.options])
  if (question.type === 'rating') optionLists.push(['scale', question.scale])
  if (question.type === 'matrix') optionLists.push(['columns', question.columns])

  for (const [listName, options] of optionLists) {
    const keys = new Set<string>()
    options.forEach((option, o) => {
      const optionPath = `${path}.${listName}.${o}`
      if (keys.has(option.key))
        problems.push({ path: `${optionPath}.key`, message: `Duplicate key "${option.key}"` })
      if (option.key === OTHER)
        problems.push({
          path: `${optionPath}.key`,
          message: `"${OTHER}" is reserved for "Other (please specify)"`,
        })
      keys.add(option.key)
      for (const year of option.availableIn ?? []) {
        if (!years.has(year)) {
          problems.push({ path: `${optionPath}.availableIn`, message: `Edition ${year} does not exist` })
        }
      }
    })
  }
  // Any type with bounds (numbers, years, ISO dates, which compare as text).
  const { min, max } = 'min' in question ? question : { min: undefined, max: undefined }
  if (
    min !== undefined &&
    max !== undefined &&
    (typeof min === 'number' && typeof max === 'number' ? min > max : String(min) > String(max))
  ) {
    problems.push({ path: `${path}.min`, message: 'The minimum is greater than the maximum' })
  }
  question.profile?.sentences?.forEach((sentence, i) => {
    for (const [, name] of sentence.text.matchAll(placeholderPattern)) {
      if (!(templatePlaceholders as readonly string[]).includes(name)) {
        problems.push({
          path: `${path}.profile.sentences.${i}.text`,
          message: `Unknown placeholder "{${name}}"; use one of ${templatePlaceholders.map((p) => `{${p}}`).join(', ')}`,
        })
      }
    }
  })
  return problems
}
