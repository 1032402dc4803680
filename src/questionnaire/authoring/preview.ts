import type { Definition, Page, Question, Section } from '../definitionSchema'
import { emptyFormValue, readFormValue, typedChoices, type FormBody, type FormValue } from '../formCodec'
import { validatePage } from '../pageValidation'
import { conditionHolds } from '../visibility'
import { nestReveals } from '../reveals'
import { NotFoundError, type FieldError } from '../../shared/errors'
import type { Edition } from '../editionsRepository'
import { conditionText } from './optionLists'

export interface PreviewPlace {
  section: Section
  sectionIndex: number
  page: Page
}

/** Every page in reading order: the preview walks them all, whatever earlier answers would be. */
export const previewPages = (definition: Definition): PreviewPlace[] =>
  definition.sections.flatMap((section, sectionIndex) =>
    section.pages.map((page) => ({ section, sectionIndex, page })),
  )

export function findPreviewPage(definition: Definition, sectionKey: string, pageKey: string): PreviewPlace {
  const place = previewPages(definition).find((p) => p.section.key === sectionKey && p.page.key === pageKey)
  if (!place) throw new NotFoundError(`There is no page “${pageKey}” in section “${sectionKey}”`)
  return place
}

const onSamePage = (question: Question, page: Page): boolean =>
  Boolean(question.condition && page.questions.some((q) => q.key === question.condition!.question))

/**
 * The officer's page as a view model. Conditions on the same page work as for officers
 * (the follow-up is revealed under its answer); conditions on earlier pages cannot be known
 * without saved answers, so the question is shown with a note saying when officers see it.
 */
export function previewPageView(
  edition: Edition,
  place: PreviewPlace,
  values: Record<string, FormValue> = {},
  errors: FieldError[] = [],
) {
  const { definition, year } = edition
  const pages = previewPages(definition)
  const at = pages.findIndex((p) => p.page.key === place.page.key)
  const items = place.page.questions.map((question) => {
    const same = onSamePage(question, place.page)
    return {
      question,
      value: values[question.key] ?? emptyFormValue(),
      // A question that shares its page's condition needs no second note.
      earlierCondition:
        !same &&
        question.condition &&
        JSON.stringify(question.condition) !== JSON.stringify(place.page.condition)
          ? conditionText(question.condition, definition)
          : '',
    }
  })
  return {
    title: place.page.title,
    errors,
    year,
    section: {
      title: place.section.title,
      number: place.sectionIndex + 1,
      count: definition.sections.length,
    },
    page: place.page,
    pageCondition: conditionText(place.page.condition, definition),
    items,
    /** Follow-ups nested under the answers that reveal them, as officers see them. */
    questions: nestReveals(items),
    wide: items.some((item) => item.question.type === 'rating' || item.question.type === 'matrix'),
    position: { number: at + 1, count: pages.length },
    previous: pages[at - 1],
    next: pages[at + 1],
  }
}

export type PreviewCheck =
  { ok: true; next?: PreviewPlace } | { ok: false; view: ReturnType<typeof previewPageView> }

/** Validates a posted preview page exactly as an officer's save would, and stores nothing. */
export function checkPreviewPage(edition: Edition, place: PreviewPlace, body: FormBody): PreviewCheck {
  const values = Object.fromEntries(
    place.page.questions.map((q) => [q.key, readFormValue(q, body, edition.year)]),
  )
  const typed = typedChoices(place.page.questions, values)
  const applicable = place.page.questions.filter(
    (q) => !onSamePage(q, place.page) || conditionHolds(q.condition, typed),
  )
  const result = validatePage(applicable, Object.fromEntries(applicable.map((q) => [q.key, values[q.key]])), {
    year: edition.year,
    complete: body._action !== 'later',
  })
  if (!result.ok) return { ok: false, view: previewPageView(edition, place, values, result.errors) }
  return { ok: true, next: previewPageView(edition, place).next }
}
