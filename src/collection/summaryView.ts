import type { Question, Section } from '../questionnaire/definitionSchema'
import { displayAnswer } from '../questionnaire/answerDisplay'
import { fieldId } from '../questionnaire/formCodec'
import { validationMessage } from '../questionnaire/validationMessages'
import { conditionHolds } from '../questionnaire/visibility'
import type { FieldError } from '../shared/errors'
import type { ReviewComment } from '../responses/reviewCommentsRepository'
import type { SurveyContext } from './surveyContext'
import {
  applicablePages,
  isComplete,
  missingAnswers,
  sectionProgress,
  sectionStatusLabels,
  type PlacedPage,
  type SectionStatus,
} from './surveyModel'
import { surveyPaths, type ReturnTarget } from '../web/surveyPaths'

export interface SummaryRow {
  key: string
  label: string
  lines: string[]
  changeHref?: string
  changedBy: string | null
  changedAt: string | null
  prefilled: boolean
  missing: boolean
  comments: ReviewComment[]
}

/** Who last changed answers, and when. */
export interface AnswerEdit {
  at: string
  by: string | null
}

export interface SummarySection {
  key: string
  title: string
  number: number
  rows: SummaryRow[]
  /** The section's latest answer change (each row's is shown on demand). */
  lastChange?: AnswerEdit
  status: SectionStatus
  statusLabel: string
  href?: string
  missing: number
}

/**
 * The latest saved answer: what "Last edited" means to officers. A return, approval or
 * submission changes the response's status, not its answers, so it is not an edit.
 */
export function lastAnswerEdit(rows: Array<{ updatedAt: string; updatedByName: string | null }>) {
  const latest = rows.reduce<(typeof rows)[number] | undefined>(
    (best, row) => (!best || row.updatedAt > best.updatedAt ? row : best),
    undefined,
  )
  return latest ? { at: latest.updatedAt, by: latest.updatedByName } : undefined
}

/** Reviewer comments not yet acted on: no answer to their question saved since. */
export function problemKeys(ctx: SurveyContext): Set<string> {
  return new Set(
    ctx.comments
      .filter(
        (c) =>
          c.questionKey &&
          !ctx.rows.some((r) => r.questionKey === c.questionKey && !r.prefilled && r.updatedAt > c.createdAt),
      )
      .map((c) => c.questionKey!),
  )
}

function row(ctx: SurveyContext, question: Question, href: string, changeLinks: boolean): SummaryRow {
  const rows = ctx.rows
    .filter((r) => r.questionKey === question.key)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  const value = ctx.visible.get(question.key)
  return {
    key: question.key,
    label: question.label,
    lines: displayAnswer(question, value, ctx.officer.locale),
    changeHref: changeLinks ? `${href}#${fieldId(question.key)}` : undefined,
    changedBy: rows[0]?.updatedByName ?? null,
    changedAt: rows[0]?.updatedAt ?? null,
    prefilled: rows.some((r) => r.prefilled),
    // A read-only response is no longer a task: a gap in it is shown as not answered, not as still required.
    missing: ctx.access.editable && question.required && !isComplete(question, ctx.visible, ctx.edition.year),
    comments: ctx.comments.filter((c) => c.questionKey === question.key),
  }
}

/**
 * Every answer that counts, by section, for "Check your answers" (one section or all)
 * and the printable copy; plus what is still missing, as links to the questions.
 */
export function buildSummary(
  ctx: SurveyContext,
  options: { sectionKey?: string; returnTo?: ReturnTarget; changeLinks: boolean },
) {
  const { definition, year } = ctx.edition
  const pages = applicablePages(definition, ctx.answers)
  const missing = missingAnswers(definition, ctx.answers, year)
  const progressContext = {
    missing,
    answers: ctx.visible,
    prefilledKeys: new Set(ctx.rows.filter((r) => r.prefilled).map((r) => r.questionKey)),
    problemKeys: problemKeys(ctx),
  }
  const sections: SummarySection[] = definition.sections
    .map((section, index) => ({ section, index }))
    .filter(({ section }) => !options.sectionKey || section.key === options.sectionKey)
    .map(({ section, index }) => {
      const own = pages.filter((p) => p.section.key === section.key)
      const rows = own.flatMap((p) =>
        p.page.questions
          .filter((q) => conditionHolds(q.condition, ctx.visible))
          .map((q) =>
            row(
              ctx,
              q,
              surveyPaths.page(year, section.key, p.page.key, options.returnTo),
              options.changeLinks,
            ),
          ),
      )
      const progress = sectionProgress(section, progressContext)
      return {
        key: section.key,
        title: section.title,
        number: index + 1,
        rows,
        lastChange: lastAnswerEdit(
          rows.flatMap((r) => (r.changedAt ? [{ updatedAt: r.changedAt, updatedByName: r.changedBy }] : [])),
        ),
        status: progress.status,
        statusLabel: sectionStatusLabels[progress.status],
        href: sectionHref(
          ctx,
          section,
          own,
          progress.status,
          progress.missing.map((m) => m.question.key),
          progressContext.problemKeys,
        ),
        missing: progress.missing.length,
      }
    })
  const missingLinks: FieldError[] = missing
    .filter((m) => !options.sectionKey || m.section.key === options.sectionKey)
    .map((m) => ({
      href: `${surveyPaths.page(year, m.section.key, m.page.key, options.returnTo)}#${fieldId(m.question.key)}`,
      text: validationMessage(m.question, 'required', {}, ctx.officer.locale),
    }))
  return { sections, missing: missingLinks, missingCount: missing.length }
}

/** Where a task list entry leads: the question a reviewer commented on, the first gap, or the check page once completed. */
function sectionHref(
  ctx: SurveyContext,
  section: Section,
  pages: PlacedPage[],
  status: SectionStatus,
  missingKeys: string[],
  problems: Set<string>,
): string | undefined {
  const year = ctx.edition.year
  if (pages.length === 0) return undefined
  if (status === 'completed' || !ctx.access.editable) return surveyPaths.sectionCheck(year, section.key)
  const wanted =
    status === 'problem' ? (key: string) => problems.has(key) : (key: string) => missingKeys.includes(key)
  const target = pages.find((p) => p.page.questions.some((q) => wanted(q.key))) ?? pages[0]
  return surveyPaths.page(year, section.key, target.page.key)
}

export type Summary = ReturnType<typeof buildSummary>
