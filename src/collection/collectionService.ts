import type { CollectionRepositories } from './collectionRepositories'
import type { Mail } from '../mail/mailServices'
import { readFormValue, type FormBody } from '../questionnaire/formCodec'
import { NotFoundError } from '../shared/errors'
import { formatDeadline } from '../shared/deadline'
import { buildPageView, neighbours, type PageView } from './pageView'
import { prefillOffer, prefillSection } from './prefill'
import { savePage, type SaveOutcome, type SaveRequest } from './savePage'
import { confirmation, submitResponse, type SubmitOutcome } from './submission'
import { officerT, readOnlyMessage, surveyLoader, type Officer, type SurveyContext } from './surveyContext'
import { findPage, pageApplies, shownQuestions } from './surveyModel'
import { buildSummary, lastAnswerEdit } from './summaryView'
import { taskListProgress } from './taskListView'
import type { Translate } from '../i18n/catalogues'
import { responseReference, surveyPaths, type ReturnTarget } from '../web/surveyPaths'

export { asOfficer, type Officer } from './surveyContext'

/** The officer's journey: task list, question pages, check answers, submit, last year's answers. */
export function collectionService(repos: CollectionRepositories, mail: Mail) {
  const loader = surveyLoader(repos)
  const cityName = async (officer: Officer) =>
    (await repos.cities.findById(officer.cityId))?.name ?? officerT(officer)('survey.yourCity')

  const responseFacts = (ctx: SurveyContext) => ({
    year: ctx.edition.year,
    editionTitle: ctx.edition.title,
    deadline: ctx.deadline
      ? formatDeadline(ctx.deadline, ctx.edition.timeZone, ctx.officer.locale)
      : undefined,
    response: ctx.response,
    lastEdit: lastAnswerEdit(ctx.rows),
    reference: ctx.response ? responseReference(ctx.edition.year, ctx.response.id) : undefined,
    editable: ctx.access.editable,
    readOnlyText: ctx.access.editable ? undefined : readOnlyMessage(ctx.access, ctx.officer.locale),
    overallComments: ctx.comments.filter((c) => !c.questionKey),
    questionComments: ctx.comments.filter((c) => c.questionKey).length,
    paths: surveyPaths,
  })

  return {
    /** The survey year /survey opens for this officer, if any. */
    currentYear: (officer: Officer) => loader.currentYear(officer),

    /** The task list: each section's status, the response's status, deadline and last edit, and "start from last year" where a section can take answers. */
    async taskList(officer: Officer, year: number, t?: Translate) {
      const ctx = await loader.load(officer, year)
      const summary = buildSummary(ctx, { changeLinks: false })
      const notStarted = summary.sections.filter((s) => s.status === 'not_started').map((s) => s.key)
      const prefill = notStarted.length > 0 ? await prefillOffer(repos, ctx, notStarted) : undefined
      return {
        ...responseFacts(ctx),
        ...taskListProgress(ctx, summary, t),
        title: ctx.edition.title,
        cityName: await cityName(officer),
        prefill,
      }
    },

    /** A question page with the saved answers, or the input kept from before an expired session. */
    async page(
      officer: Officer,
      year: number,
      sectionKey: string,
      pageKey: string,
      options: { returnTo?: ReturnTarget; pending?: FormBody },
    ): Promise<{ view: PageView } | { redirect: string }> {
      const ctx = await loader.load(officer, year)
      const placed = findPage(ctx.edition.definition, sectionKey, pageKey)
      if (!placed) throw new NotFoundError()
      if (!pageApplies(placed.page, ctx.visible)) return { redirect: neighbours(ctx, placed).next }
      const pending = options.pending
      if (!pending || String(pending._city) !== String(officer.cityId) || !ctx.access.editable) {
        return { view: buildPageView(ctx, placed, { returnTo: options.returnTo }) }
      }
      const values = Object.fromEntries(
        shownQuestions(placed.page, ctx.visible).map((q) => [q.key, readFormValue(q, pending, year)]),
      )
      const version = Number.parseInt(String(pending._version ?? ''), 10)
      return {
        view: buildPageView(ctx, placed, {
          values,
          version: Number.isInteger(version) ? version : undefined,
          base: String(pending._base ?? ''),
          restored: true,
          returnTo: options.returnTo,
        }),
      }
    },

    /** Saves a page (see savePage): redirect on success, or the page again with errors or the other officer's changes. */
    savePage: (request: SaveRequest): Promise<SaveOutcome> => savePage(repos, loader, request),

    /** "Check your answers" for one section or the whole response, with what is missing and (whole) the submit form. */
    async checkAnswers(officer: Officer, year: number, sectionKey?: string) {
      const ctx = await loader.load(officer, year)
      if (sectionKey && !ctx.edition.definition.sections.some((s) => s.key === sectionKey))
        throw new NotFoundError()
      const returnTo: ReturnTarget = sectionKey ? 'section-check-answers' : 'check-answers'
      const summary = buildSummary(ctx, { sectionKey, returnTo, changeLinks: ctx.access.editable })
      return {
        ...responseFacts(ctx),
        ...summary,
        cityName: await cityName(officer),
        sectionKey,
        version: ctx.response?.version ?? 0,
        copiedFromYear: ctx.edition.copiedFromYear,
      }
    },

    /** Submits the response (see submitResponse). */
    async submit(officer: Officer, year: number, body: Record<string, unknown>): Promise<SubmitOutcome> {
      return submitResponse(repos, mail, loader, officer, year, body, await cityName(officer))
    },

    /** The confirmation page of the officer's own submitted response. */
    async confirmation(officer: Officer, year: number, reference: string) {
      const { ctx } = await confirmation(loader, officer, year, reference)
      return { ...responseFacts(ctx), reference, cityName: await cityName(officer) }
    },

    /** A print-friendly copy of every answer that counts. */
    async printable(officer: Officer, year: number) {
      const ctx = await loader.load(officer, year)
      if (!ctx.response) throw new NotFoundError(officerT(officer)('survey.notAnswered'))
      const summary = buildSummary(ctx, { changeLinks: false })
      return { ...responseFacts(ctx), sections: summary.sections, cityName: await cityName(officer) }
    },

    /** Starts a section from last year's answers (see prefillSection). */
    prefill: (officer: Officer, year: number, sectionKey: string) =>
      prefillSection(repos, loader, officer, year, sectionKey),
  }
}

export type CollectionService = ReturnType<typeof collectionService>
