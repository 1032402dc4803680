import type { Knex } from 'knex'
import { insertReturningId } from '../../db/dialect'
import { nowIso } from '../../shared/clock'
import { ConflictError } from '../../shared/errors'
import type { Definition } from '../definitionSchema'
import { editionsRepository, forgetParsedDefinitions, type NewEdition } from '../editionsRepository'

export interface DefinitionChangeRecord {
  id: number
  editionId: number
  actorId: number | null
  actorName: string | null
  summary: string
  createdAt: string
  /** Whether the definition before the change was kept (not for a new edition). */
  hasBefore: boolean
}

export interface ChangeEntry {
  actorId: number | null
  summary: string
  before: Definition | null
}

/** Definition changes and their history (definition_changes), written in one transaction with the edition. */
export function definitionChangesRepository(knex: Knex) {
  const insertChange = (db: Knex, editionId: number, entry: ChangeEntry, at: string) =>
    insertReturningId(db, 'definition_changes', {
      edition_id: editionId,
      actor_id: entry.actorId,
      summary: entry.summary.slice(0, 500),
      before_definition: entry.before ? JSON.stringify(entry.before) : null,
      created_at: at,
    })

  return {
    /**
     * Stores a new definition and its history row together. `basedOn` (the edition's
     * updated_at when the form was opened) refuses a save over someone else's newer one.
     */
    async save(
      editionId: number,
      definition: Definition,
      entry: ChangeEntry,
      basedOn?: string,
    ): Promise<void> {
      await knex.transaction(async (trx) => {
        const at = nowIso()
        const query = trx('editions').where({ id: editionId })
        if (basedOn) query.andWhere({ updated_at: basedOn })
        const updated = await query.update({
          definition: JSON.stringify(definition),
          title: definition.title,
          updated_at: at,
        })
        if (updated !== 1)
          throw new ConflictError(
            'Someone else changed this questionnaire since you opened the page. Go back, reload it and make your change again.',
          )
        await insertChange(trx, editionId, entry, at)
      })
      forgetParsedDefinitions(editionId)
    },
    /** Creates an edition and records where its definition came from. */
    async createEdition(edition: NewEdition, entry: ChangeEntry): Promise<number> {
      return knex.transaction(async (trx) => {
        const id = await editionsRepository(trx).create(edition)
        await insertChange(trx, id, entry, nowIso())
        return id
      })
    },
    async list(editionId: number): Promise<DefinitionChangeRecord[]> {
      const rows = await knex('definition_changes as c')
        .leftJoin('users as u', 'u.id', 'c.actor_id')
        .where('c.edition_id', editionId)
        .select('c.id', 'c.edition_id', 'c.actor_id', 'c.summary', 'c.created_at', 'u.display_name')
        .select(knex.raw('case when c.before_definition is null then 0 else 1 end as has_before'))
        .orderBy('c.id', 'desc')
      return rows.map((r) => ({
        id: Number(r.id),
        editionId: Number(r.edition_id),
        actorId: r.actor_id === null ? null : Number(r.actor_id),
        actorName: r.display_name ?? null,
        summary: r.summary,
        createdAt: r.created_at,
        hasBefore: Number(r.has_before) === 1,
      }))
    },
    /** The definition as it was before one change (raw JSON text, as stored). */
    async before(editionId: number, changeId: number): Promise<string | null | undefined> {
      const row = await knex('definition_changes')
        .where({ id: changeId, edition_id: editionId })
        .first('before_definition')
      return row ? (row.before_definition ?? null) : undefined
    },
  }
}

export type DefinitionChangesRepository = ReturnType<typeof definitionChangesRepository>
