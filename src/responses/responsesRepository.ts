import type { Knex } from 'knex'
import { insertInChunks, insertReturningId, isPostgres } from '../db/dialect'
import { nowIso } from '../shared/clock'
import { ConflictError } from '../shared/errors'
import type { AnswerRow } from '../db/answerRow'
import { enqueueMail, type NewMail } from '../mail/outboxRepository'
import {
  answerColumns,
  answerFields,
  toAnswerRow,
  toResponse,
  type EditedAnswerRow,
  type ResponseEvent,
  type ResponseRecord,
  type ResponseRow,
  type ResponseSummary,
  type StoredAnswerRow,
} from './responseRecords'

export interface SaveAnswers {
  responseId: number
  /** The version the officer's page was based on. */
  expectedVersion: number
  /** Every question of the page: their old rows are replaced by `rows`. */
  questionKeys: string[]
  rows: AnswerRow[]
  event: ResponseEvent
  prefilled?: boolean
}

/**
 * Runs a transaction's statements that don't depend on each other. On SQLite they go at once
 * (every wait for an answer in between holds up every other request on its one connection),
 * and all are awaited, failed or not, before the first failure is thrown: a rollback must not
 * overtake a statement still running. PostgreSQL's client takes one query at a time, so there
 * they run in turn. Statements are knex builders, which start when awaited.
 */
async function allOf(knex: Knex, statements: Array<PromiseLike<unknown>>): Promise<unknown[]> {
  if (isPostgres(knex)) {
    const results: unknown[] = []
    for (const statement of statements) results.push(await statement)
    return results
  }
  const settled = await Promise.allSettled(statements)
  for (const result of settled) if (result.status === 'rejected') throw result.reason
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value)
}

export function responsesRepository(knex: Knex) {
  const addEvent = (db: Knex, responseId: number, event: ResponseEvent, at: string) =>
    db('response_events').insert({
      response_id: responseId,
      actor_id: event.actorId,
      type: event.type,
      page_key: event.pageKey ?? null,
      data: event.data === undefined ? null : JSON.stringify(event.data),
      created_at: at,
    })

  return {
    async find(editionId: number, cityId: number): Promise<ResponseRecord | undefined> {
      const row = await knex<ResponseRow>('responses')
        .where({ edition_id: editionId, city_id: cityId })
        .first()
      return row && toResponse(row)
    },
    async findById(id: number): Promise<ResponseRecord | undefined> {
      const row = await knex<ResponseRow>('responses').where({ id }).first()
      return row && toResponse(row)
    },
    async findOrCreate(editionId: number, cityId: number, actorId: number | null): Promise<ResponseRecord> {
      const existing = await this.find(editionId, cityId)
      if (existing) return existing
      const at = nowIso()
      try {
        await insertReturningId(knex, 'responses', {
          edition_id: editionId,
          city_id: cityId,
          status: 'in_progress',
          version: 0,
          updated_by: actorId,
          created_at: at,
          updated_at: at,
        })
      } catch (error) {
        // Another officer of the city created it a moment ago: use theirs.
        if (!(await this.find(editionId, cityId))) throw error
      }
      return (await this.find(editionId, cityId))!
    },
    /**
     * A city's response with the name of whoever changed it last, and its answers with the
     * name of whoever saved each: one query (every question page needs both).
     */
    async findWithAnswers(
      editionId: number,
      cityId: number,
    ): Promise<{ response: ResponseSummary | undefined; rows: EditedAnswerRow[] }> {
      const joined: Array<Record<string, unknown>> = await knex('responses')
        .leftJoin('users as editor', 'editor.id', 'responses.updated_by')
        .leftJoin('answers', 'answers.response_id', 'responses.id')
        .leftJoin('users as answerer', 'answerer.id', 'answers.updated_by')
        .where({ 'responses.edition_id': editionId, 'responses.city_id': cityId })
        .orderBy(['answers.question_key', 'answers.option_key'])
        .select(
          'responses.*',
          'editor.display_name as updated_by_name',
          ...answerFields.map((field) => `answers.${field} as answer_${field}`),
          'answerer.display_name as answer_updated_by_name',
        )
      if (joined.length === 0) return { response: undefined, rows: [] }
      const [first] = joined
      const response = {
        ...toResponse(first as unknown as ResponseRow),
        updatedByName: (first.updated_by_name as string | null) ?? null,
      }
      const rows = joined
        .filter((row) => row.answer_question_key !== null)
        .map((row) => ({
          ...toAnswerRow(Object.fromEntries(answerFields.map((field) => [field, row[`answer_${field}`]]))),
          updatedByName: (row.answer_updated_by_name as string | null) ?? null,
        }))
      return { response, rows }
    },
    async listByEdition(editionId: number): Promise<ResponseRecord[]> {
      return (await knex<ResponseRow>('responses').where({ edition_id: editionId }).orderBy('id')).map(
        toResponse,
      )
    },
    async answers(responseId: number): Promise<StoredAnswerRow[]> {
      return (
        await knex('answers').where({ response_id: responseId }).orderBy(['question_key', 'option_key'])
      ).map(toAnswerRow)
    },
    /**
     * Replaces a page's answers in one transaction: the version check, the rows, the
     * audit event and the version bump stand or fall together.
     */
    async saveAnswers(save: SaveAnswers): Promise<number> {
      return knex.transaction(async (trx) => {
        const at = nowIso()
        const [bumped] = await allOf(trx, [
          trx('responses')
            .where({ id: save.responseId, version: save.expectedVersion })
            .update({ version: save.expectedVersion + 1, updated_by: save.event.actorId, updated_at: at }),
          trx('answers')
            .where({ response_id: save.responseId })
            .whereIn('question_key', save.questionKeys)
            .delete(),
          addEvent(trx, save.responseId, save.event, at),
        ])
        if (Number(bumped) !== 1)
          throw new ConflictError('Someone else saved this response since you opened the page')
        // After the delete: the new rows may have the keys of the old.
        await insertInChunks(
          trx,
          'answers',
          save.rows.map((row) => answerColumns(save.responseId, row, save.event.actorId, at, save.prefilled)),
        )
        return save.expectedVersion + 1
      })
    },
    /**
     * Changes the status (and the fields that go with it) if the version still matches; the
     * mail the change causes is written to the outbox in the same transaction.
     */
    async transition(
      responseId: number,
      expectedVersion: number,
      fields: Partial<
        Pick<ResponseRow, 'status' | 'submitted_at' | 'submitted_by' | 'submitted_by_name' | 'approved_at'>
      >,
      event: ResponseEvent,
      mail: NewMail[] = [],
    ): Promise<number> {
      return knex.transaction(async (trx) => {
        const at = nowIso()
        const bumped = await trx('responses')
          .where({ id: responseId, version: expectedVersion })
          .update({ ...fields, version: expectedVersion + 1, updated_by: event.actorId, updated_at: at })
        if (bumped !== 1) throw new ConflictError('This response changed since you opened the page')
        await addEvent(trx, responseId, event, at)
        await enqueueMail(trx, mail)
        return expectedVersion + 1
      })
    },
    async events(responseId: number): Promise<Array<ResponseEvent & { id: number; createdAt: string }>> {
      const rows = await knex('response_events').where({ response_id: responseId }).orderBy('id')
      return rows.map((r) => ({
        id: r.id,
        type: r.type,
        actorId: r.actor_id,
        pageKey: r.page_key,
        data: r.data ? JSON.parse(r.data) : undefined,
        createdAt: r.created_at,
      }))
    },
  }
}

export type ResponsesRepository = ReturnType<typeof responsesRepository>
