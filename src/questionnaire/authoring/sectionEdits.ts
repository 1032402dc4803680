import type { Definition, Page, Question, Section } from '../definitionSchema'
import { refused, type Direction, type EditOutcome } from './editOutcome'
import { formValues, relativePath, setOptional, text, type FormValues } from './formValues'
import { locatePage, locateSection, moveItem } from './locate'
import { buildQuestion, conditionFrom } from './questionForm'
import { questionFieldFor } from './questionFieldMap'

const firstQuestionFields = ['questionKey', 'questionType', 'questionLabel', 'newOptions', 'newScale']
export const sectionValues = (body: unknown): FormValues =>
  formValues(body, ['key', 'title', 'publicTitle', 'intro', 'pageKey', 'pageTitle', ...firstQuestionFields])
export const pageValues = (body: unknown): FormValues =>
  formValues(
    body,
    ['key', 'title', 'intro', 'conditionQuestion', ...firstQuestionFields],
    ['conditionAnswers'],
  )

export const sectionToValues = (section: Section): FormValues => ({
  key: section.key,
  title: section.title,
  publicTitle: section.publicTitle ?? '',
  intro: section.intro ?? '',
})
export const pageToValues = (page: Page): FormValues => ({
  key: page.key,
  title: page.title,
  intro: page.intro ?? '',
  conditionQuestion: page.condition?.question ?? '',
  conditionAnswers: page.condition?.anyOf.map((answer) => `${page.condition!.question}=${answer}`) ?? [],
})

/** The first question of a new section or page, from its three fields (and options). */
function firstQuestion(values: FormValues) {
  return buildQuestion({
    key: values.questionKey,
    type: values.questionType,
    label: values.questionLabel,
    required: 'true',
    integer: 'true',
    newOptions: values.newOptions,
    newScale: values.newScale,
  })
}

const renamed: Record<string, string> = { key: 'questionKey', type: 'questionType', label: 'questionLabel' }
const firstQuestionField = (relative: string) => {
  const field = questionFieldFor(relative)
  return field && (renamed[field] ?? field)
}

function pageFieldFor(relative: string): string | undefined {
  if (['key', 'title', 'intro'].includes(relative)) return relative
  if (relative === 'condition' || relative === 'condition.question') return 'conditionQuestion'
  if (relative === 'condition.anyOf') return 'conditionAnswers'
  const question = relativePath(relative, 'questions.0')
  return question === undefined
    ? relative === 'questions'
      ? 'questionKey'
      : undefined
    : firstQuestionField(question)
}

function applyPageFields(page: Record<string, unknown>, values: FormValues): void {
  page.key = text(values, 'key')
  page.title = text(values, 'title')
  setOptional(page, 'intro', text(values, 'intro'))
  setOptional(page, 'condition', conditionFrom(values))
}

export function addSection(draft: Definition, values: FormValues): EditOutcome {
  const { question, errors } = firstQuestion(values)
  const page = { key: text(values, 'pageKey'), title: text(values, 'pageTitle'), questions: [question] }
  const section: Record<string, unknown> = {
    key: text(values, 'key'),
    title: text(values, 'title'),
    pages: [page],
  }
  setOptional(section, 'publicTitle', text(values, 'publicTitle'))
  setOptional(section, 'intro', text(values, 'intro'))
  draft.sections.push(section as Section)
  const path = `sections.${draft.sections.length - 1}`
  const fieldFor = (problem: string) => {
    const relative = relativePath(problem, path)
    if (relative === undefined) return undefined
    if (['key', 'title', 'publicTitle', 'intro'].includes(relative)) return relative
    const inPage = relativePath(relative, 'pages.0')
    if (inPage === 'key' || inPage === 'title') return inPage === 'key' ? 'pageKey' : 'pageTitle'
    return inPage === undefined ? undefined : pageFieldFor(inPage)
  }
  return { summary: `Added section “${section.title}” (${section.key})`, fieldFor, errors }
}

export function updateSection(draft: Definition, key: string, values: FormValues): EditOutcome {
  const at = locateSection(draft, key)
  const section = at.section as Record<string, unknown>
  section.key = text(values, 'key')
  section.title = text(values, 'title')
  setOptional(section, 'publicTitle', text(values, 'publicTitle'))
  setOptional(section, 'intro', text(values, 'intro'))
  const fieldFor = (problem: string) => {
    const relative = relativePath(problem, at.path)
    return relative && ['key', 'title', 'publicTitle', 'intro'].includes(relative) ? relative : undefined
  }
  return { summary: `Changed section ${key}${section.key !== key ? ` (now ${section.key})` : ''}`, fieldFor }
}

export function moveSection(draft: Definition, key: string, direction: Direction): EditOutcome {
  const at = locateSection(draft, key)
  moveItem(draft.sections, at.s, direction)
  return { summary: `Moved section ${key} ${direction}` }
}

export function removeSection(draft: Definition, key: string): EditOutcome {
  const at = locateSection(draft, key)
  if (draft.sections.length === 1)
    return refused('A questionnaire needs at least one section, so the last one cannot be removed.')
  draft.sections.splice(at.s, 1)
  return { summary: `Removed section “${at.section.title}” (${key})` }
}

export function addPage(draft: Definition, sectionKey: string, values: FormValues): EditOutcome {
  const at = locateSection(draft, sectionKey)
  const { question, errors } = firstQuestion(values)
  const page: Record<string, unknown> = { questions: [question as Question] }
  applyPageFields(page, values)
  at.section.pages.push(page as Page)
  const path = `${at.path}.pages.${at.section.pages.length - 1}`
  const fieldFor = (problem: string) => {
    const relative = relativePath(problem, path)
    return relative === undefined ? undefined : pageFieldFor(relative)
  }
  return { summary: `Added page “${page.title}” (${page.key}) to section ${sectionKey}`, fieldFor, errors }
}

export function updatePage(draft: Definition, key: string, values: FormValues): EditOutcome {
  const at = locatePage(draft, key)
  applyPageFields(at.page as Record<string, unknown>, values)
  const fieldFor = (problem: string) => {
    const relative = relativePath(problem, at.path)
    return relative === undefined ? undefined : pageFieldFor(relative)
  }
  return { summary: `Changed page ${key}${at.page.key !== key ? ` (now ${at.page.key})` : ''}`, fieldFor }
}

export function movePage(draft: Definition, key: string, direction: Direction): EditOutcome {
  const at = locatePage(draft, key)
  moveItem(at.section.pages, at.p, direction)
  return { summary: `Moved page ${key} ${direction}` }
}

export function removePage(draft: Definition, key: string): EditOutcome {
  const at = locatePage(draft, key)
  if (at.section.pages.length === 1)
    return refused('A section needs at least one page. Remove the section instead.')
  at.section.pages.splice(at.p, 1)
  return { summary: `Removed page “${at.page.title}” (${key})` }
}
