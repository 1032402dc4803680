import crypto from 'node:crypto'
import type { Question } from '../questionnaire/definitionSchema'
import { questionIndex } from '../questionnaire/definitionModel'
import { displayAnswer } from '../questionnaire/answerDisplay'
import { answerToFormValue, fieldId, type FormValue } from '../questionnaire/formCodec'
import type { FieldError } from '../shared/errors'
import type { EditedAnswerRow } from '../responses/responseRecords'
import type { ReviewComment } from '../responses/reviewCommentsRepository'
import { readOnlyMessage, type SurveyContext } from './surveyContext'
import { conditionHolds } from '../questionnaire/visibility'
import { nestReveals } from '../questionnaire/reveals'
import { applicablePages, shownQuestions, type PlacedPage } from './surveyModel'
import { surveyPaths, type ReturnTarget } from '../web/surveyPaths'

/** What another officer saved while this one was typing, shown beside their own input. */
export interface TheirAnswer {
  lines: string[]
  by: string | null
  at: string | null
}

export interface QuestionItem {
  question: Question
  value: FormValue
  fieldId: string
  comments: ReviewComment[]
  prefilled: boolean
  theirs?: TheirAnswer
  /** The saved answer as text, for read-only pages. */
  lines: string[]
}

export interface PageViewOptions {
  values?: Record<string, FormValue>
  errors?: FieldError[]
  version?: number
  base?: string
  restored?: boolean
  theirs?: Map<string, TheirAnswer>
  conflictBy?: { name: string | null; at: string | null }
  refused?: boolean
  /** What a refused form carried, to show back. */
  typed?: Array<{ label: string; lines: string[] }>
  /** The database refused the write: the typed answers are shown back to save again. */
  unsaved?: boolean
  returnTo?: ReturnTarget
}

/** A fingerprint of a page's saved rows: a save whose page did not change meanwhile is safe to apply. */
export function pageFingerprint(rows: EditedAnswerRow[], questionKeys: string[]): string {
  const own = rows
    .filter((r) => questionKeys.includes(r.questionKey))
    .map((r) => [r.questionKey, r.optionKey, r.text, r.number, r.note, r.prefilled])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])))
  return crypto.createHash('sha256').update(JSON.stringify(own)).digest('hex').slice(0, 32)
}

/** Links before and after a page along the path that applies. */
export function neighbours(ctx: SurveyContext, placed: PlacedPage, returnTo?: ReturnTarget) {
  const { year } = ctx.edition
  const pages = applicablePages(ctx.edition.definition, ctx.answers).filter(
    (p) => p.section.key === placed.section.key,
  )
  const at = pages.findIndex((p) => p.page.key === placed.page.key)
  const before = at > 0 ? pages[at - 1] : undefined
  const after =
    at >= 0
      ? pages[at + 1]
      : pages.find((p) => placed.section.pages.indexOf(p.page) > placed.section.pages.indexOf(placed.page))
  const back =
    returnTo === 'check-answers'
      ? surveyPaths.checkAnswers(year)
      : returnTo === 'section-check-answers'
        ? surveyPaths.sectionCheck(year, placed.section.key)
        : before
          ? surveyPaths.page(year, placed.section.key, before.page.key)
          : surveyPaths.taskList(year)
  const next = after
    ? surveyPaths.page(year, placed.section.key, after.page.key)
    : surveyPaths.sectionCheck(year, placed.section.key)
  return { back, next }
}

/** The view model of one question page: saved answers, or what the officer typed, with everything around them. */
export function buildPageView(ctx: SurveyContext, placed: PlacedPage, options: PageViewOptions = {}) {
  const { edition, access } = ctx
  const index = questionIndex(edition.definition)
  const keys = placed.page.questions.map((q) => q.key)
  const items: QuestionItem[] = shownQuestions(placed.page, ctx.visible)
    // Read-only pages show only the answers that count.
    .filter((q) => access.editable || conditionHolds(q.condition, ctx.visible))
    .map((question) => ({
      question,
      value: options.values?.[question.key] ?? answerToFormValue(question, ctx.answers.get(question.key)),
      fieldId: fieldId(question.key),
      comments: ctx.comments.filter((c) => c.questionKey === question.key),
      prefilled: ctx.rows.some((r) => r.questionKey === question.key && r.prefilled),
      theirs: options.theirs?.get(question.key),
      lines: displayAnswer(
        index.get(question.key)!.question,
        ctx.answers.get(question.key),
        ctx.officer.locale,
      ),
    }))
  const { back, next } = neighbours(ctx, placed, options.returnTo)
  const year = edition.year
  return {
    title: placed.page.title,
    errors: options.errors ?? [],
    backLink: back,
    year,
    cityId: ctx.officer.cityId,
    editionTitle: edition.title,
    section: {
      key: placed.section.key,
      title: placed.section.title,
      number: placed.sectionIndex + 1,
      count: edition.definition.sections.length,
    },
    page: placed.page,
    items,
    /** The form's questions, each follow-up nested under the answer that reveals it. */
    questions: nestReveals(items, '', ctx.officer.locale),
    /** Grids need the full width of the page. */
    wide: items.some((item) => item.question.type === 'rating' || item.question.type === 'matrix'),
    editable: access.editable,
    readOnlyText: access.editable ? undefined : readOnlyMessage(access, ctx.officer.locale),
    response: ctx.response,
    deadline: ctx.deadline,
    refused: options.refused ?? false,
    typed: options.typed ?? [],
    action: surveyPaths.page(year, placed.section.key, placed.page.key, options.returnTo),
    version: options.version ?? ctx.response?.version ?? 0,
    base: options.base ?? pageFingerprint(ctx.rows, keys),
    restored: options.restored ?? false,
    unsaved: options.unsaved ?? false,
    conflictBy: options.conflictBy,
    copiedFromYear: edition.copiedFromYear,
    nextHref: next,
    taskListHref: surveyPaths.taskList(year),
    commentReplyHref: (commentId: number) => surveyPaths.commentReply(year, commentId),
    sectionCheckHref: surveyPaths.sectionCheck(year, placed.section.key),
  }
}

export type PageView = ReturnType<typeof buildPageView>
