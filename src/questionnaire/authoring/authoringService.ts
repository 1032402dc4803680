import { NotFoundError, type FieldError } from '../../shared/errors'
import type { EditionEvents } from '../../shared/editionEvents'
import type { Definition } from '../definitionSchema'
import type { Edition, EditionsRepository } from '../editionsRepository'
import { validateDefinition, type DefinitionProblem } from '../validateDefinition'
import type { AnswerUsageRepository } from './answerUsageRepository'
import type { DefinitionChangesRepository } from './definitionChangesRepository'
import type { Edit } from './editOutcome'
import { problemsToErrors } from './formValues'
import { describePath } from './locate'
import { withoutRemovedTexts, withoutStaleTranslations } from '../translationProblems'
import { cellQuestionKeys, unsafeChanges, usageFromCounts, type AnswerUsage } from './safeChanges'

export const STALE_MESSAGE =
  'Someone else changed this questionnaire since you opened this page. Check what is shown below against the questionnaire now, then save again.'

export interface AuthoringDeps {
  editions: EditionsRepository
  changes: DefinitionChangesRepository
  usage: AnswerUsageRepository
  events: EditionEvents
}

export type EditResult = { ok: true; summary: string } | { ok: false; errors: FieldError[] }

export interface EditOptions {
  /** The edition's updatedAt when the form was opened (refuses saving over a newer change). */
  basedOn?: string
  /** Where problems that concern no field of the form are linked from the summary. */
  fallbackField: string
  /** Check only (for a confirmation page): nothing is stored. */
  dryRun?: boolean
}

/** Loading, checking and storing questionnaire definitions (the editor's and the importer's common path). */
export function authoringService(deps: AuthoringDeps) {
  const { editions, changes, usage, events } = deps

  async function edition(year: number): Promise<Edition> {
    const found = Number.isInteger(year) ? await editions.findByYear(year) : undefined
    if (!found) throw new NotFoundError(`There is no ${year} edition`)
    return found
  }

  const knownYears = async (): Promise<number[]> =>
    (await editions.list()).map((e) => e.year).sort((a, b) => a - b)

  async function answerUsage(current: Edition): Promise<AnswerUsage> {
    return usageFromCounts(
      current.definition,
      await usage.counts(current.id, cellQuestionKeys(current.definition)),
    )
  }

  /** Validates, applies the safe-change rules, then stores the definition with its history row. */
  async function store(
    current: Edition,
    draft: unknown,
    entry: { actorId: number; summary: string; basedOn?: string; dryRun?: boolean },
  ) {
    const checked = validateDefinition(withoutRemovedTexts(draft, current.definition), {
      knownYears: await knownYears(),
    })
    if (!checked.ok)
      return { ok: false as const, problems: checked.problems, unsafe: [] as DefinitionProblem[] }
    const unsafe = unsafeChanges(current.definition, checked.definition, await answerUsage(current))
    if (unsafe.length > 0) return { ok: false as const, problems: [] as DefinitionProblem[], unsafe }
    if (entry.dryRun) return { ok: true as const, definition: checked.definition }
    await changes.save(
      current.id,
      checked.definition,
      { actorId: entry.actorId, summary: entry.summary, before: current.definition },
      entry.basedOn,
    )
    await events.changed(current.id, 'definition_changed')
    return { ok: true as const, definition: checked.definition }
  }

  return {
    edition,
    knownYears,
    answerUsage,

    /** One editor change: applied to a copy, validated, checked against stored answers, then saved. */
    async edit(year: number, actorId: number, edit: Edit, options: EditOptions): Promise<EditResult> {
      const current = await edition(year)
      // Someone saved since this form was opened: show the form again (input kept, now based
      // on their version) rather than silently applying it over their change.
      if (options.basedOn && options.basedOn !== current.updatedAt) {
        return { ok: false, errors: [{ href: `#${options.fallbackField}`, text: STALE_MESSAGE }] }
      }
      const draft: Definition = structuredClone(current.definition)
      const outcome = edit(draft)
      if (outcome.errors?.length) return { ok: false, errors: outcome.errors }
      // A removed question, option or hint takes its translations with it.
      withoutStaleTranslations(draft)
      const stored = await store(current, draft, {
        actorId,
        summary: outcome.summary,
        basedOn: options.basedOn,
        dryRun: options.dryRun,
      })
      if (stored.ok) return { ok: true, summary: outcome.summary }
      const describe = (path: string) => describePath(draft, path)
      const errors = problemsToErrors(stored.problems, outcome.fieldFor ?? (() => undefined), {
        field: options.fallbackField,
        describe,
      })
      return {
        ok: false,
        errors: [
          ...errors,
          ...stored.unsafe.map((p) => ({ href: `#${options.fallbackField}`, text: p.message })),
        ],
      }
    },

    /** Stores an already checked whole definition (import); every problem is returned with its path. */
    async replace(year: number, actorId: number, definition: unknown, summary: string) {
      const current = await edition(year)
      const stored = await store(current, definition, { actorId, summary })
      return stored.ok
        ? { ok: true as const }
        : { ok: false as const, problems: [...stored.problems, ...stored.unsafe] }
    },

    /** Everything the questionnaire overview shows. */
    async overview(year: number) {
      const current = await edition(year)
      return { edition: current, usage: await answerUsage(current), years: await knownYears() }
    },
  }
}

export type AuthoringService = ReturnType<typeof authoringService>
