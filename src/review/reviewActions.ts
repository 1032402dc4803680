import { z } from 'zod'
import { answerToRows } from '../questionnaire/answerCodec'
import { questionIndex } from '../questionnaire/definitionModel'
import { fieldId } from '../questionnaire/formCodec'
import { nowIso } from '../shared/clock'
import { ConflictError, NotFoundError, type FieldError } from '../shared/errors'
import { answersFromRows } from './answersOf'
import { parseCorrection, type FormBody } from './correctionForm'
import { sameAnswer } from './reviewModel'
import {
  assertReviewAction,
  responseContext,
  type ResponseContext,
  type ReviewDeps,
} from './responseReviewService'

const versionOf = (value: unknown): number => {
  const version = Number(value)
  if (!Number.isInteger(version) || version < 0)
    throw new ConflictError('This page is out of date. Go back to the response and try again.')
  return version
}

const reasonSchema = z
  .string()
  .trim()
  .min(1, 'Enter the reason for the correction')
  .max(500, 'Enter a reason of 500 characters or fewer')

/** What a reviewer does to a response: return it, approve it, reopen it, correct an answer. */
export function reviewActions(deps: ReviewDeps) {
  const load = responseContext(deps)
  const refOf = ({ response, edition, city }: ResponseContext) => ({
    id: response.id,
    year: edition.year,
    city: { id: city.id, name: city.name },
  })
  const officersOf = (cityId: number) => deps.mail.recipients.officersOf(cityId)

  return {
    /**
     * Returns a submitted response to its city with the open comments. Keeps a snapshot of the
     * answers, so the next submission can show the reviewer exactly what changed. The city's
     * officers get the comments by email, queued with the change.
     */
    async returnForChanges(
      responseId: number,
      version: unknown,
      actorId: number,
    ): Promise<{ errors: FieldError[] }> {
      const context = await load(responseId)
      const { response, edition } = context
      assertReviewAction('return', response, edition)
      const open = await deps.reviewComments.open(response.id)
      if (open.length === 0)
        return {
          errors: [
            { href: '#comment-body', text: 'Add at least one comment saying what the city needs to change' },
          ],
        }
      const events = await deps.responses.events(response.id)
      const lastReturn = events.findLast((e) => e.type === 'returned')
      const snapshot = (await deps.responses.answers(response.id)).map(
        ({ questionKey, optionKey, text, number, note }) => ({ questionKey, optionKey, text, number, note }),
      )
      const labels = questionIndex(edition.definition)
      const summary = open.map((c) => ({
        question: c.questionKey ? labels.get(c.questionKey)?.question.label : undefined,
        body: c.body,
      }))
      const notices = await deps.mail.notify.responseReturned(
        await officersOf(context.city.id),
        refOf(context),
        summary,
      )
      await deps.responses.transition(
        response.id,
        versionOf(version),
        { status: 'returned' },
        { type: 'returned', actorId, data: { snapshot, comments: open.map((c) => c.id) } },
        notices,
      )
      // Comments of earlier rounds were seen and answered: officers now see only this round's.
      if (lastReturn) await deps.reviewComments.resolve(response.id, lastReturn.createdAt)
      return { errors: [] }
    },

    /**
     * Approves a submitted response (its officers' notification queued with it); the edition's
     * profiles are regenerated before this returns.
     */
    async approve(responseId: number, version: unknown, actorId: number): Promise<void> {
      const context = await load(responseId)
      const { response, edition } = context
      assertReviewAction('approve', response, edition)
      const notices = await deps.mail.notify.responseApproved(
        await officersOf(context.city.id),
        refOf(context),
      )
      await deps.responses.transition(
        response.id,
        versionOf(version),
        { status: 'approved', approved_at: nowIso() },
        { type: 'approved', actorId },
        notices,
      )
      await deps.reviewComments.resolve(response.id)
      await deps.events.changed(edition.id, 'response_approved', { city: context.city.name })
    },

    /** Takes an approval back: the response is submitted (to review again) or returned (to the city). */
    async reopen(responseId: number, version: unknown, to: unknown, actorId: number): Promise<void> {
      const { response, edition, city } = await load(responseId)
      assertReviewAction('reopen', response, edition)
      const status = to === 'returned' ? 'returned' : 'submitted'
      await deps.responses.transition(
        response.id,
        versionOf(version),
        { status, approved_at: null },
        { type: 'reopened', actorId, data: { to: status } },
      )
      await deps.events.changed(edition.id, 'response_reopened', { city: city.name })
    },

    /** The question to correct, with its current answer. */
    async correction(responseId: number, questionKey: string) {
      const context = await load(responseId)
      const placed = questionIndex(context.edition.definition).get(questionKey)
      if (!placed) throw new NotFoundError('There is no such question')
      const answers = answersFromRows(
        context.edition.definition,
        await deps.responses.answers(context.response.id),
      )
      return { ...context, ...placed, value: answers.get(questionKey) }
    },

    /**
     * Corrects one answer on the city's behalf: recorded in the trail with before, after and
     * the reason, the administrator as actor. Correcting an approved answer regenerates profiles.
     */
    async correct(
      responseId: number,
      questionKey: string,
      body: FormBody,
      actorId: number,
    ): Promise<{ errors: FieldError[] }> {
      const {
        response,
        edition,
        city,
        question,
        page,
        value: before,
      } = await this.correction(responseId, questionKey)
      const parsed = parseCorrection(question, body, edition.year)
      const reason = reasonSchema.safeParse(body.reason ?? '')
      const errors = [
        ...parsed.errors,
        ...(reason.success ? [] : [{ href: '#reason', text: reason.error.issues[0].message }]),
      ]
      if (errors.length === 0 && sameAnswer(before, parsed.value))
        errors.push({
          href: `#${fieldId(question.key)}`,
          text: 'The answer is the same as before. Change it, or go back.',
        })
      if (errors.length > 0) return { errors }
      await deps.responses.saveAnswers({
        responseId: response.id,
        expectedVersion: versionOf(body.version),
        questionKeys: [question.key],
        rows: parsed.value ? answerToRows(question.key, parsed.value) : [],
        event: {
          type: 'admin_correction',
          actorId,
          pageKey: page.key,
          data: { questionKey, before: before ?? null, after: parsed.value ?? null, reason: reason.data },
        },
      })
      if (response.status === 'approved')
        await deps.events.changed(edition.id, 'answer_corrected', {
          city: city.name,
          question: question.label,
          questionKey: question.key,
          reason: reason.data,
        })
      return { errors: [] }
    },
  }
}

export type ReviewActions = ReturnType<typeof reviewActions>
