import type { CollectionRepositories } from './collectionRepositories'
import { answerToRows, type AnswerRow, type Answers } from '../questionnaire/answerCodec'
import { questionIndex } from '../questionnaire/definitionModel'
import type { Definition, Section } from '../questionnaire/definitionSchema'
import { answerToFormValue } from '../questionnaire/formCodec'
import { validatePage } from '../questionnaire/pageValidation'
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors'
import {
  officerT,
  readOnlyMessage,
  type Officer,
  type SurveyContext,
  type SurveyLoader,
} from './surveyContext'
import { answersFromRows, applicablePages } from './surveyModel'
import { surveyPaths } from '../web/surveyPaths'

type Repos = Pick<CollectionRepositories, 'editions' | 'responses'>

/** The year whose answers a section can start from, if the city answered the edition this one was copied from. */
export async function previousResponse(repos: Repos, ctx: SurveyContext) {
  const year = ctx.edition.copiedFromYear
  if (!year || !ctx.access.editable) return undefined
  const previous = (await repos.editions.list()).find((e) => e.year === year)
  const response = previous && (await repos.responses.find(previous.id, ctx.officer.cityId))
  return response && previous ? { year, editionId: previous.id, responseId: response.id } : undefined
}

/** The city's answers to the edition this one was copied from, read with that edition's questionnaire. */
export interface PreviousAnswers {
  year: number
  definition: Definition
  answers: Answers
}

export async function previousAnswers(
  repos: Repos,
  ctx: SurveyContext,
): Promise<PreviousAnswers | undefined> {
  const source = await previousResponse(repos, ctx)
  if (!source) return undefined
  const previous = await repos.editions.findById(source.editionId)
  if (!previous) return undefined
  const rows = await repos.responses.answers(source.responseId)
  return {
    year: source.year,
    definition: previous.definition,
    answers: answersFromRows(previous.definition, rows),
  }
}

/**
 * What a section can take from last year: answers to questions with the same key and type in
 * both questionnaires, not answered yet this year, and still valid answers this year (their
 * option keys still offered). Nothing else is copied, so the count offered is the count copied.
 */
export function copyableAnswers(
  ctx: SurveyContext,
  previous: PreviousAnswers,
  section: Section,
): { rows: AnswerRow[]; copied: string[] } {
  const previousIndex = questionIndex(previous.definition)
  const rows: AnswerRow[] = []
  const copied: string[] = []
  for (const question of section.pages.flatMap((p) => p.questions)) {
    const value = previous.answers.get(question.key)
    if (
      !value ||
      ctx.answers.has(question.key) ||
      previousIndex.get(question.key)?.question.type !== question.type
    )
      continue
    const checked = validatePage(
      [question],
      { [question.key]: answerToFormValue(question, value) },
      { year: ctx.edition.year, complete: false },
    )
    const answer = checked.ok ? checked.answers.get(question.key) : undefined
    if (!answer) continue
    rows.push(...answerToRows(question.key, answer))
    copied.push(question.key)
  }
  return { rows, copied }
}

/** Sections not started yet that last year's answers can start, with how many answers each would take. */
export async function prefillOffer(repos: Repos, ctx: SurveyContext, sectionKeys: string[]) {
  const previous = await previousAnswers(repos, ctx)
  if (!previous) return undefined
  const sections = ctx.edition.definition.sections
    .filter((section) => sectionKeys.includes(section.key))
    .map((section) => ({
      key: section.key,
      title: section.title,
      count: copyableAnswers(ctx, previous, section).copied.length,
    }))
    .filter((section) => section.count > 0)
  return sections.length > 0 ? { year: previous.year, sections } : undefined
}

/**
 * Copies last year's answers into one section (opt-in), for questions not answered yet and
 * only where they are still valid answers this year (same key and type, options still offered).
 * Copied rows are marked until the officer saves their page.
 */
export async function prefillSection(
  repos: Repos,
  loader: SurveyLoader,
  officer: Officer,
  year: number,
  sectionKey: string,
) {
  const ctx = await loader.load(officer, year)
  const t = officerT(officer)
  if (!ctx.access.editable) throw new ConflictError(readOnlyMessage(ctx.access, officer.locale))
  const section = ctx.edition.definition.sections.find((s) => s.key === sectionKey)
  if (!section) throw new NotFoundError()
  const previous = await previousAnswers(repos, ctx)
  if (!previous) throw new BadRequestError(t('survey.prefill.nothing'))
  const { rows, copied } = copyableAnswers(ctx, previous, section)
  if (copied.length > 0) {
    const response =
      ctx.response ?? (await repos.responses.findOrCreate(ctx.edition.id, officer.cityId, officer.id))
    await repos.responses.saveAnswers({
      responseId: response.id,
      expectedVersion: response.version,
      questionKeys: copied,
      rows,
      prefilled: true,
      event: { type: 'prefilled', actorId: officer.id, data: { fromYear: previous.year, questions: copied } },
    })
  }
  const first = applicablePages(ctx.edition.definition, new Map([...previous.answers, ...ctx.answers])).find(
    (p) => p.section.key === sectionKey,
  )
  const flash =
    copied.length > 0
      ? t('survey.prefill.copied', { count: copied.length, year: previous.year })
      : t('survey.prefill.noneCopied', { year: previous.year })
  return {
    redirect: first ? surveyPaths.page(year, sectionKey, first.page.key) : surveyPaths.taskList(year),
    flash,
  }
}
