import type { CollectionRepositories } from './collectionRepositories'
import type { Mail } from '../mail/mailServices'
import { nowIso } from '../shared/clock'
import { ConflictError, NotFoundError, type FieldError } from '../shared/errors'
import { officerT, readOnlyMessage, type Officer, type SurveyLoader } from './surveyContext'
import { buildSummary } from './summaryView'
import { responseReference, surveyPaths } from '../web/surveyPaths'

export type SubmitOutcome =
  { kind: 'submitted'; redirect: string } | { kind: 'refused'; status: 400 | 409; errors: FieldError[] }

/**
 * Submits the city's response: only when every required answer that applies is there,
 * the officer confirms they act for the city, and nobody changed the response since
 * they checked it. Their name and the time are recorded with the status change, and the
 * administrators' notification is queued with it.
 */
export async function submitResponse(
  repos: Pick<CollectionRepositories, 'responses'>,
  mail: Mail,
  loader: SurveyLoader,
  officer: Officer,
  year: number,
  body: Record<string, unknown>,
  cityName: string,
): Promise<SubmitOutcome> {
  const ctx = await loader.load(officer, year)
  const t = officerT(officer)
  if (!ctx.access.editable) throw new ConflictError(readOnlyMessage(ctx.access, officer.locale))
  const summary = buildSummary(ctx, { changeLinks: true, returnTo: 'check-answers' })
  const errors: FieldError[] = [...summary.missing]
  if (body.confirm !== 'yes')
    errors.push({ href: '#confirm', text: t('survey.submit.confirmMissing', { city: cityName }) })
  if (errors.length > 0 || !ctx.response) return { kind: 'refused', status: 400, errors }
  const version = Number.parseInt(String(body._version ?? ''), 10)
  const stale = [
    {
      href: '#confirm',
      text: t('survey.submit.stale'),
    },
  ]
  if (version !== ctx.response.version) return { kind: 'refused', status: 409, errors: stale }
  const ref = { id: ctx.response.id, year, city: { id: officer.cityId, name: cityName } }
  const notices = await mail.notify.responseSubmitted(await mail.recipients.admins(), ref)
  try {
    await repos.responses.transition(
      ctx.response.id,
      version,
      {
        status: 'submitted',
        submitted_at: nowIso(),
        submitted_by: officer.id,
        submitted_by_name: officer.displayName,
        ...(officer.locale ? { locale: officer.locale } : {}),
      },
      {
        type: 'submitted',
        actorId: officer.id,
        data: { name: officer.displayName, previousStatus: ctx.response.status },
      },
      notices,
    )
  } catch (error) {
    if (error instanceof ConflictError) return { kind: 'refused', status: 409, errors: stale }
    throw error
  }
  return {
    kind: 'submitted',
    redirect: surveyPaths.confirmation(year, responseReference(year, ctx.response.id)),
  }
}

/** The confirmation of a submitted response, only for the officer's own city (another reference is not found). */
export async function confirmation(loader: SurveyLoader, officer: Officer, year: number, reference: string) {
  const ctx = await loader.load(officer, year)
  const response = ctx.response
  if (
    !response ||
    responseReference(year, response.id) !== reference ||
    !['submitted', 'approved'].includes(response.status)
  )
    throw new NotFoundError()
  return { ctx, reference }
}
