import { describe, expect, it } from 'vitest'
import { answerToRows, type AnswerRow, type AnswerValue } from '../../src/questionnaire/answerCodec'
import { readMembers } from '../../src/profiles/basisMembers'
import type { ResponseRef } from '../../src/profiles/aggregate'
import { multiple, no, profileTestDefinition, yes } from '../support/profilesFactories'

const rowsOf = (entries: Array<[string, AnswerValue]>): AnswerRow[] =>
  entries.flatMap(([key, value]) => answerToRows(key, value))

/** Stored answers of five responses; response 4 hid its funded activities by answering "no" to funding. */
const stored = new Map<number, AnswerRow[]>([
  [1, rowsOf([['strategy.formal', yes]])],
  [2, rowsOf([['strategy.formal', no]])],
  [3, rowsOf([['roles', multiple(['data_scientist', 'project_manager'])]])],
  [
    4,
    rowsOf([
      ['funding.has_dedicated', no],
      ['funding.activities', multiple(['idea_generation'])],
    ]),
  ],
  [5, rowsOf([['strategy.formal', yes]])],
])

const ref = (responseId: number, year = 2020): ResponseRef => ({ responseId, cityId: responseId * 10, year })

describe('reading the basis a page of responses at a time', () => {
  it('when five responses are read in pages of two, then three reads are made and every response comes once, in order', async () => {
    const reads: number[][] = []
    const read = async (ids: number[]) => {
      reads.push(ids)
      return new Map(ids.map((id) => [id, stored.get(id) ?? []]))
    }
    const definitions = new Map([[2020, profileTestDefinition(2020)]])
    const seen = []
    for await (const member of readMembers(
      [1, 2, 3, 4, 5].map((id) => ref(id)),
      definitions,
      read,
      2,
    ))
      seen.push(member)
    expect(reads).toEqual([[1, 2], [3, 4], [5]])
    expect(seen.map((member) => member.ref.responseId)).toEqual([1, 2, 3, 4, 5])
    expect(seen[0].answers.get('strategy.formal')).toEqual(yes)
    expect(seen[2].answers.get('roles')).toMatchObject({ choices: ['project_manager', 'data_scientist'] })
    expect([...seen[3].answers.keys()]).toEqual(['funding.has_dedicated'])
  })

  it('when a response belongs to an edition without a definition, then it is skipped', async () => {
    const read = async (ids: number[]) => new Map(ids.map((id) => [id, stored.get(id) ?? []]))
    const definitions = new Map([[2020, profileTestDefinition(2020)]])
    const seen = []
    for await (const member of readMembers([ref(1), ref(2, 2019), ref(5)], definitions, read))
      seen.push(member.ref.responseId)
    expect(seen).toEqual([1, 5])
  })
})
