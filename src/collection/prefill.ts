import type { CollectionRepositories } from './collectionRepositories'
import { answerToRows, type AnswerRow } from '../questionnaire/answerCodec'
import { questionIndex } from '../questionnaire/definitionModel'
import { answerToFormValue } from '../questionnaire/formCodec'
import { validatePage } from '../questionnaire/pageValidation'
import { BadRequestError, ConflictError, NotFoundError } from '../shared/errors'
import { readOnlyMessage, type Officer, type SurveyContext, type SurveyLoader } from './surveyContext'
import { answersFromRows, applicablePages } from './surveyModel'
import { surveyPaths } from '../web/surveyPaths'

/** The year whose answers a section can start from, if the city answered the edition this one was copied from. */
export async function previousResponse(
  repos: Pick<CollectionRepositories, 'editions' | 'responses'>,
  ctx: SurveyContext,
) {
  const year = ctx.edition.copiedFromYear
  if (!year || !ctx.access.editable) return undefined
  const previous = (await repos.editions.list()).find((e) => e.year === year)
  const response = previous && (await repos.responses.find(previous.id, ctx.officer.cityId))
  return response && previous ? { year, editionId: previous.id, responseId: response.id } : undefined
}

/**
 * Copies last year's answers into one section (opt-in), for questions not answered yet and
 * only where they are still valid answers this year (same type, options still offered).
 * Copied rows are marked until the officer saves their page.
 */
export async function prefillSection(
  repos: Pick<CollectionRepositories, 'editions' | 'responses'>,
  loader: SurveyLoader,
  officer: Officer,
  year: number,
  sectionKey: string,
) {
  const ctx = await loader.load(officer, year)
  if (!ctx.access.editable) throw new ConflictError(readOnlyMessage(ctx.access))
  const section = ctx.edition.definition.sections.find((s) => s.key === sectionKey)
  if (!section) throw new NotFoundError()
  const source = await previousResponse(repos, ctx)
  if (!source) throw new BadRequestError('There are no answers from last year to start from.')
  const previous = (await repos.editions.findById(source.editionId))!
  const previousAnswers = answersFromRows(
    previous.definition,
    await repos.responses.answers(source.responseId),
  )
  const previousIndex = questionIndex(previous.definition)
  const rows: AnswerRow[] = []
  const copied: string[] = []
  for (const question of section.pages.flatMap((p) => p.questions)) {
    const value = previousAnswers.get(question.key)
    if (
      !value ||
      ctx.answers.has(question.key) ||
      previousIndex.get(question.key)?.question.type !== question.type
    )
      continue
    const checked = validatePage(
      [question],
      { [question.key]: answerToFormValue(question, value) },
      { year, complete: false },
    )
    const answer = checked.ok ? checked.answers.get(question.key) : undefined
    if (!answer) continue
    rows.push(...answerToRows(question.key, answer))
    copied.push(question.key)
  }
  if (copied.length > 0) {
    const response =
      ctx.response ?? (await repos.responses.findOrCreate(ctx.edition.id, officer.cityId, officer.id))
    await repos.responses.saveAnswers({
      responseId: response.id,
      expectedVersion: response.version,
      questionKeys: copied,
      rows,
      prefilled: true,
      event: { type: 'prefilled', actorId: officer.id, data: { fromYear: source.year, questions: copied } },
    })
  }
  const first = applicablePages(ctx.edition.definition, new Map([...previousAnswers, ...ctx.answers])).find(
    (p) => p.section.key === sectionKey,
  )
  const flash =
    copied.length > 0
      ? `We copied ${copied.length} ${copied.length === 1 ? 'answer' : 'answers'} from your ${source.year} response. Check each page and save it.`
      : `There were no answers from ${source.year} to copy into this section.`
  return {
    redirect: first ? surveyPaths.page(year, sectionKey, first.page.key) : surveyPaths.taskList(year),
    flash,
  }
}
