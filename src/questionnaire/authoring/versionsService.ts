import { NotFoundError } from '../../shared/errors'
import type { AuthoringDeps, AuthoringService } from './authoringService'
import { diffDefinitions } from './definitionDiff'
import { checkImport, exportJson } from './definitionImport'
import type { FormValues } from './formValues'
import { createEdition, type CreateResult } from './newEdition'

/** Editions as versions of the questionnaire: create (blank, copy or import), import, export, history, what changed. */
export function versionsService(deps: AuthoringDeps, authoring: AuthoringService) {
  const { editions, changes } = deps

  return {
    /** A new draft edition from a blank, a copy of an earlier edition or an imported definition. */
    createEdition: (values: FormValues, actorId: number): Promise<CreateResult> =>
      createEdition(deps, authoring, values, actorId),

    /** Replaces the definition with an uploaded one, or changes nothing and lists every problem. */
    async importDefinition(year: number, actorId: number, json: string) {
      const current = await authoring.edition(year)
      const known = { knownYears: await authoring.knownYears() }
      const checked = checkImport(json, year, known, current.definition)
      if (!checked.ok) return checked
      if (JSON.stringify(checked.definition) === JSON.stringify(current.definition))
        return { ok: true as const, unchanged: true }
      const result = await authoring.replace(
        year,
        actorId,
        checked.definition,
        `Imported a definition (${diffDefinitions(current.definition, checked.definition).length} questionnaire changes)`,
      )
      return result.ok ? { ok: true as const, unchanged: false } : result
    },

    async exportDefinition(year: number): Promise<{ filename: string; body: string }> {
      const current = await authoring.edition(year)
      return { filename: `questionnaire-${year}.json`, body: exportJson(current.definition) }
    },

    async history(year: number) {
      const current = await authoring.edition(year)
      return { edition: current, changes: await changes.list(current.id) }
    },

    /** The definition as it was before one recorded change. */
    async definitionBefore(year: number, changeId: number): Promise<{ filename: string; body: string }> {
      const current = await authoring.edition(year)
      const before = Number.isInteger(changeId) ? await changes.before(current.id, changeId) : undefined
      if (!before) throw new NotFoundError('That change kept no earlier definition')
      return {
        filename: `questionnaire-${year}-before-change-${changeId}.json`,
        body: exportJson(JSON.parse(before)),
      }
    },

    /** What changed between an edition and the one it was copied from (or `fromYear`). */
    async changesSince(year: number, fromYear?: number) {
      const current = await authoring.edition(year)
      const all = await editions.listWithDefinitions()
      const earlier = all.filter((e) => e.year < year)
      const defaultFrom = current.definition.copiedFrom ?? current.copiedFromYear ?? earlier.at(-1)?.year
      const from = all.find((e) => e.year === (fromYear ?? defaultFrom) && e.year !== year)
      const changesList = from ? diffDefinitions(from.definition, current.definition) : []
      return {
        edition: current,
        from,
        changes: changesList,
        others: all.filter((e) => e.year !== year).map((e) => e.year),
      }
    },
  }
}

export type VersionsService = ReturnType<typeof versionsService>
