import type { Request, Response } from 'express'
import type { FieldError } from '../../shared/errors'
import type { Condition, Definition } from '../definitionSchema'
import { conditionText } from './optionLists'
import { questionTypes } from './questionForm'
import { allQuestions, answerKeys, optionLabel } from '../definitionModel'
import type { Edition } from '../editionsRepository'
import { flash } from '../../web/flash'
import { adminPaths } from '../../web/adminPaths'

export const basedOnOf = (req: Request): string | undefined => {
  const value = (req.body as Record<string, unknown> | undefined)?.basedOn
  return typeof value === 'string' && value ? value : undefined
}

/** Post/redirect/get with a one-off success message. */
export function doneAndRedirect(req: Request, res: Response, text: string, to: string): void {
  flash(req, text)
  res.redirect(to)
}

/** Locals every authoring page shares: breadcrumbs back to the edition's questionnaire, wording helpers. */
export function pageLocals(edition: Edition, title: string, errors: FieldError[] = []) {
  return {
    conditionText: (condition: Condition | undefined) => conditionText(condition, edition.definition),
    typeName: (type: string) => questionTypes.find((t) => t.value === type)?.text ?? type,
    title,
    errors,
    year: edition.year,
    edition,
    base: adminPaths.questionnaire(edition.year),
    basedOn: edition.updatedAt,
    breadcrumbs: [
      { href: adminPaths.home(), text: 'Administration' },
      { href: adminPaths.editions(), text: 'Survey years' },
      { href: adminPaths.questionnaire(edition.year), text: `${edition.year} questionnaire` },
    ],
  }
}

export interface ConditionChoice {
  key: string
  label: string
  answers: Array<{ key: string; label: string }>
}

/**
 * Earlier questions a condition may point at (yes/no and choice questions), in reading
 * order, stopping before `stop` (a question key, or the position after a page or section).
 */
export function conditionChoices(
  definition: Definition,
  stop: { beforeQuestion?: string; beforePage?: string; afterPage?: string; afterSection?: string },
): ConditionChoice[] {
  const placed = allQuestions(definition)
  let end = placed.length
  const lastIndex = (match: (p: (typeof placed)[number]) => boolean) => placed.findLastIndex(match) + 1
  if (stop.beforeQuestion) end = placed.findIndex((p) => p.question.key === stop.beforeQuestion)
  else if (stop.beforePage) end = placed.findIndex((p) => p.page.key === stop.beforePage)
  else if (stop.afterPage) end = lastIndex((p) => p.page.key === stop.afterPage)
  else if (stop.afterSection) end = lastIndex((p) => p.section.key === stop.afterSection)
  return placed
    .slice(0, end < 0 ? placed.length : end)
    .map((p) => p.question)
    .filter((q) => q.type === 'yesno' || q.type === 'single' || q.type === 'multiple')
    .map((q) => ({
      key: q.key,
      label: q.label,
      answers: answerKeys(q).map((key) => ({ key, label: optionLabel(q, key) })),
    }))
}
