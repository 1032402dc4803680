import { NotFoundError, type FieldError } from '../../shared/errors'
import { copyDefinition } from '../copyDefinition'
import { validateDefinition } from '../validateDefinition'
import type { Edition } from '../editionsRepository'
import type { AuthoringDeps, AuthoringService } from './authoringService'
import { diffDefinitions } from './definitionDiff'
import { checkImport, exportJson } from './definitionImport'
import { text, type FormValues } from './formValues'

export type CreateResult = { ok: true; year: number } | { ok: false; errors: FieldError[] }

/** Editions as versions of the questionnaire: create by copying, import, export, history, what changed. */
export function versionsService(deps: AuthoringDeps, authoring: AuthoringService) {
  const { editions, changes } = deps

  async function createErrors(values: FormValues, source: Edition | undefined): Promise<FieldError[]> {
    const errors: FieldError[] = []
    const year = Number(text(values, 'year'))
    if (!/^\d{4}$/.test(text(values, 'year')) || year < 1900 || year > 2200)
      errors.push({ href: '#year', text: 'Enter the year as 4 digits, like 2030' })
    else if (await editions.findByYear(year))
      errors.push({ href: '#year', text: `There is already a ${year} edition` })
    if (text(values, 'title').length > 200)
      errors.push({ href: '#title', text: 'The title must be 200 characters or fewer' })
    if (!source) errors.push({ href: '#copyFrom', text: 'Select the edition to copy' })
    return errors
  }

  return {
    /** A new draft edition whose definition copies another's, every key kept. */
    async createEdition(values: FormValues, actorId: number): Promise<CreateResult> {
      const source = await editions.findByYear(Number(text(values, 'copyFrom')))
      const errors = await createErrors(values, source)
      if (errors.length > 0 || !source) return { ok: false, errors }
      const year = Number(text(values, 'year'))
      const definition = copyDefinition(source.definition, year, text(values, 'title') || undefined)
      const known = [...(await authoring.knownYears()), year]
      const checked = validateDefinition(definition, { knownYears: known })
      if (!checked.ok)
        return {
          ok: false,
          errors: checked.problems.map((p) => ({ href: '#copyFrom', text: `${p.path}: ${p.message}` })),
        }
      await changes.createEdition(
        {
          year,
          title: checked.definition.title,
          status: 'draft',
          definition: checked.definition,
          copiedFromYear: source.year,
        },
        {
          actorId,
          summary: `Created the ${year} edition by copying the ${source.year} questionnaire`,
          before: null,
        },
      )
      return { ok: true, year }
    },

    /** Replaces the definition with an uploaded one, or changes nothing and lists every problem. */
    async importDefinition(year: number, actorId: number, json: string) {
      const current = await authoring.edition(year)
      const checked = checkImport(json, year, { knownYears: await authoring.knownYears() })
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
