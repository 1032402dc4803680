import type { CollectionRepositories } from './collectionRepositories'
import { answerToRows, type Answers, type AnswerValue } from '../questionnaire/answerCodec'
import type { Question } from '../questionnaire/definitionSchema'
import { displayAnswer } from '../questionnaire/answerDisplay'
import { fieldId, readFormValue, typedChoices, type FormBody } from '../questionnaire/formCodec'
import { validatePage } from '../questionnaire/pageValidation'
import { AppError, BadRequestError, ConflictError, NotFoundError } from '../shared/errors'
import { buildPageView, neighbours, pageFingerprint, type PageView, type TheirAnswer } from './pageView'
import { officerT, type Officer, type SurveyContext, type SurveyLoader } from './surveyContext'
import { applicableQuestions, findPage, pageApplies, shownQuestions, type PlacedPage } from './surveyModel'
import { surveyPaths, type ReturnTarget } from '../web/surveyPaths'

export type SaveOutcome =
  | { kind: 'saved'; redirect: string; flash?: string }
  | { kind: 'render'; status: 400 | 409; view: PageView }
  | { kind: 'render'; status: 503; view: PageView; failure: unknown }

export interface SaveRequest {
  officer: Officer
  year: number
  sectionKey: string
  pageKey: string
  body: FormBody
  returnTo?: ReturnTarget
}

const rowsKey = (key: string, value: AnswerValue | undefined) =>
  JSON.stringify(value ? answerToRows(key, value).map((r) => [r.optionKey, r.text, r.number, r.note]) : [])

function theirAnswers(
  ctx: SurveyContext,
  questions: Question[],
  mine: Map<string, AnswerValue | undefined>,
): Map<string, TheirAnswer> {
  const theirs = new Map<string, TheirAnswer>()
  for (const q of questions) {
    const saved = ctx.answers.get(q.key)
    if (rowsKey(q.key, saved) === rowsKey(q.key, mine.get(q.key))) continue
    const latest = ctx.rows
      .filter((r) => r.questionKey === q.key)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
    theirs.set(q.key, {
      lines: displayAnswer(q, saved),
      by: latest?.updatedByName ?? ctx.response?.updatedByName ?? null,
      at: latest?.updatedAt ?? ctx.response?.updatedAt ?? null,
    })
  }
  return theirs
}

/**
 * Saves one page. Only questions that changed (or were copied from last year) are
 * written, so "last changed by" stays true. A save based on an older version is applied
 * only if nobody changed this page meanwhile; otherwise the officer sees the other
 * person's answers beside their own, and a fresh version to save again.
 */
export async function savePage(
  repos: Pick<CollectionRepositories, 'responses'>,
  loader: SurveyLoader,
  request: SaveRequest,
  attempt = 1,
): Promise<SaveOutcome> {
  const { officer, year, body, returnTo } = request
  const ctx = await loader.load(officer, year)
  const placed = findPage(ctx.edition.definition, request.sectionKey, request.pageKey)
  if (!placed) throw new NotFoundError()
  if (!ctx.access.editable) {
    // Refused (deadline passed, submitted meanwhile): what was typed is shown back, not lost silently.
    const typed = typedLines(shownQuestions(placed.page, ctx.visible), body)
    return {
      kind: 'render',
      status: 409,
      view: buildPageView(ctx, placed, { refused: true, typed, returnTo }),
    }
  }
  if (!pageApplies(placed.page, ctx.visible))
    throw new BadRequestError(officerT(officer)('survey.page.notApplicable'))

  const shown = shownQuestions(placed.page, ctx.visible)
  const values = Object.fromEntries(shown.map((q) => [q.key, readFormValue(q, body, year)]))
  const applicable = applicableQuestions(placed.page, ctx.visible, typedChoices(shown, values)).filter((q) =>
    shown.includes(q),
  )
  const continuing = body._action !== 'later'
  const version = Number.parseInt(String(body._version ?? ''), 10)
  const base = String(body._base ?? '')
  if (!Number.isInteger(version) || version < 0)
    throw new BadRequestError(officerT(officer)('survey.page.noVersion'))
  const result = validatePage(applicable, Object.fromEntries(applicable.map((q) => [q.key, values[q.key]])), {
    year,
    complete: continuing,
    locale: officer.locale,
  })
  if (!result.ok)
    return {
      kind: 'render',
      status: 400,
      view: buildPageView(ctx, placed, { values, errors: result.errors, version, base, returnTo }),
    }

  const current = ctx.response?.version ?? 0
  const keys = placed.page.questions.map((q) => q.key)
  if (version !== current && pageFingerprint(ctx.rows, keys) !== base) {
    const theirs = theirAnswers(ctx, applicable, result.answers)
    const conflictBy = { name: ctx.response?.updatedByName ?? null, at: ctx.response?.updatedAt ?? null }
    return {
      kind: 'render',
      status: 409,
      view: buildPageView(ctx, placed, { values, theirs, conflictBy, returnTo }),
    }
  }
  try {
    await write(repos, ctx, placed, applicable, result.answers, current)
  } catch (error) {
    // Someone saved between our read and our write: decide again on fresh data.
    if (error instanceof ConflictError && attempt < 3) return savePage(repos, loader, request, attempt + 1)
    if (error instanceof AppError) throw error
    // The database refused the write (disk full, connection lost): nothing typed is lost.
    const view = buildPageView(ctx, placed, { values, version, base, unsaved: true, returnTo })
    return { kind: 'render', status: 503, view, failure: error }
  }
  return { kind: 'saved', ...whereNext(ctx, placed, result.answers, continuing, returnTo) }
}

async function write(
  repos: Pick<CollectionRepositories, 'responses'>,
  ctx: SurveyContext,
  placed: PlacedPage,
  questions: Question[],
  answers: Map<string, AnswerValue | undefined>,
  version: number,
) {
  const changed = questions.filter(
    (q) =>
      rowsKey(q.key, ctx.answers.get(q.key)) !== rowsKey(q.key, answers.get(q.key)) ||
      ctx.rows.some((r) => r.questionKey === q.key && r.prefilled),
  )
  if (changed.length === 0) return
  const response =
    ctx.response ?? (await repos.responses.findOrCreate(ctx.edition.id, ctx.officer.cityId, ctx.officer.id))
  const before = Object.fromEntries(changed.map((q) => [q.key, ctx.answers.get(q.key) ?? null]))
  const after = Object.fromEntries(changed.map((q) => [q.key, answers.get(q.key) ?? null]))
  await repos.responses.saveAnswers({
    responseId: response.id,
    expectedVersion: version,
    questionKeys: changed.map((q) => q.key),
    rows: changed.flatMap((q) => {
      const value = answers.get(q.key)
      return value ? answerToRows(q.key, value) : []
    }),
    event: { type: 'page_saved', actorId: ctx.officer.id, pageKey: placed.page.key, data: { before, after } },
    locale: ctx.officer.locale,
  })
}

function whereNext(
  ctx: SurveyContext,
  placed: PlacedPage,
  answers: Map<string, AnswerValue | undefined>,
  continuing: boolean,
  returnTo?: ReturnTarget,
) {
  const year = ctx.edition.year
  if (!continuing)
    return {
      redirect: surveyPaths.taskList(year),
      flash: officerT(ctx.officer)('survey.page.savedForLater'),
    }
  if (returnTo === 'check-answers') return { redirect: surveyPaths.checkAnswers(year) }
  if (returnTo === 'section-check-answers')
    return { redirect: surveyPaths.sectionCheck(year, placed.section.key) }
  const merged: Answers = new Map(ctx.answers)
  for (const [key, value] of answers) {
    if (value) merged.set(key, value)
    else merged.delete(key)
  }
  return { redirect: neighbours({ ...ctx, answers: merged }, placed).next }
}

/** The text a refused form carried, question by question, to show back for copying. */
function typedLines(questions: Question[], body: FormBody): Array<{ label: string; lines: string[] }> {
  return questions
    .map((q) => {
      const id = fieldId(q.key)
      const lines = Object.entries(body)
        .filter(([name]) => name === id || name.startsWith(`${id}--`))
        .flatMap(([, value]) => (Array.isArray(value) ? value : [value]))
        .filter((value): value is string => typeof value === 'string' && value.trim() !== '')
      return { label: q.label, lines }
    })
    .filter((entry) => entry.lines.length > 0)
}
