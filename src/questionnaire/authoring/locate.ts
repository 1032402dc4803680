import type { Definition, Option, Page, Question, Section } from '../definitionSchema'
import { NotFoundError } from '../../shared/errors'
import { optionList, type OptionListName } from './optionLists'

export interface SectionAt {
  section: Section
  s: number
  path: string
}
export interface PageAt extends SectionAt {
  page: Page
  p: number
}
export interface QuestionAt extends PageAt {
  question: Question
  q: number
}
export interface OptionAt extends QuestionAt {
  options: Option[]
  option: Option
  o: number
}

/** Finds a section by key (404 when the link is stale). */
export function locateSection(definition: Definition, key: string): SectionAt {
  const s = definition.sections.findIndex((section) => section.key === key)
  if (s < 0) throw new NotFoundError(`There is no section “${key}” in this questionnaire`)
  return { section: definition.sections[s], s, path: `sections.${s}` }
}

export function locatePage(definition: Definition, key: string): PageAt {
  for (const [s, section] of definition.sections.entries()) {
    const p = section.pages.findIndex((page) => page.key === key)
    if (p >= 0) return { section, s, page: section.pages[p], p, path: `sections.${s}.pages.${p}` }
  }
  throw new NotFoundError(`There is no page “${key}” in this questionnaire`)
}

export function locateQuestion(definition: Definition, key: string): QuestionAt {
  for (const [s, section] of definition.sections.entries()) {
    for (const [p, page] of section.pages.entries()) {
      const q = page.questions.findIndex((question) => question.key === key)
      if (q >= 0)
        return {
          section,
          s,
          page,
          p,
          question: page.questions[q],
          q,
          path: `sections.${s}.pages.${p}.questions.${q}`,
        }
    }
  }
  throw new NotFoundError(`There is no question “${key}” in this questionnaire`)
}

/** The option list of a question (404 when the question has no such list). */
export function locateList(
  definition: Definition,
  questionKey: string,
  list: OptionListName,
): QuestionAt & { options: Option[] } {
  const at = locateQuestion(definition, questionKey)
  const options = optionList(at.question, list)
  if (!options) throw new NotFoundError(`Question “${questionKey}” has no ${list}`)
  return { ...at, options, path: `${at.path}.${list}` }
}

export function locateOption(
  definition: Definition,
  questionKey: string,
  list: OptionListName,
  key: string,
): OptionAt {
  const at = locateList(definition, questionKey, list)
  const o = at.options.findIndex((option) => option.key === key)
  if (o < 0) throw new NotFoundError(`Question “${questionKey}” has no option “${key}”`)
  return { ...at, option: at.options[o], o, path: `${at.path}.${o}` }
}

/** Moves an item one place up or down; false when it is already at that end. */
export function moveItem<T>(items: T[], index: number, direction: 'up' | 'down'): boolean {
  const target = direction === 'up' ? index - 1 : index + 1
  if (target < 0 || target >= items.length) return false
  ;[items[index], items[target]] = [items[target], items[index]]
  return true
}

/** Where a problem path points, in words ("Question funding.activities"), for problems outside the form. */
export function describePath(definition: Definition, path: string): string {
  const m = /^sections\.(\d+)(?:\.pages\.(\d+))?(?:\.questions\.(\d+))?(?:\.(.*))?$/.exec(path)
  if (!m) return path === '(document)' ? 'The definition' : path
  const section = definition.sections[Number(m[1])]
  const page = m[2] === undefined ? undefined : section?.pages[Number(m[2])]
  const question = m[3] === undefined ? undefined : page?.questions[Number(m[3])]
  const where = question
    ? `Question ${question.key}`
    : page
      ? `Page ${page.key}`
      : section
        ? `Section ${section.key}`
        : path
  return m[4] ? `${where} (${m[4]})` : where
}
