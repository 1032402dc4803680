import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { createKnex } from '../../src/db/knex'
import { repositories } from '../../src/wiring/repositories'
import { profileService, REGENERATION_LOCK } from '../../src/profiles/profileService'

const t = testApp()
// A second process over the same database: its own connections, its own in-process queue.
const otherKnex = createKnex(t.config.database)
afterAll(async () => {
  await otherKnex.destroy()
  await t.close()
})

const editionId = async (year: number) => (await t.repos.editions.findByYear(year))!.id
const snapshotCount = async (id: number) =>
  Number((await t.knex('profile_snapshots').where({ edition_id: id }).count({ n: '*' }))[0].n)

describe('regeneration across processes', () => {
  it('when two processes regenerate one edition at once, then the second waits for the first and both finish with one snapshot per city', async () => {
    const id = await editionId(2020)
    let waits = 0
    // Whichever takes the lock first, the other waits.
    const first = profileService(t.repos, 5, undefined, () => (waits += 1))
    const second = profileService(repositories(otherKnex), 5, undefined, () => (waits += 1))
    const [a, b] = await Promise.all([first.regenerateEdition(id), second.regenerateEdition(id)])
    expect(a.profiles).toBeGreaterThan(0)
    expect(b.profiles).toBe(a.profiles)
    expect(await snapshotCount(id)).toBe(a.profiles)
    expect(waits).toBe(1)
    expect(await t.knex('job_locks').where({ name: REGENERATION_LOCK })).toEqual([])
  })

  it('when the process holding the lock died, then its lease runs out and the next regeneration takes the lock', async () => {
    const id = await editionId(2020)
    await t
      .knex('job_locks')
      .insert({ name: REGENERATION_LOCK, holder: 'a process that died', expires_at: Date.now() - 1 })
    const result = await profileService(t.repos, 5).regenerateEdition(id)
    expect(await snapshotCount(id)).toBe(result.profiles)
  })

  it('when a statement fails, then its error says what the database said, without the statement or its values', async () => {
    const [{ id: _id, ...city }] = await t.knex('cities').orderBy('id').limit(1)
    const error = (await t
      .knex('cities')
      .insert({ ...city, name: 'A value that must not reach the logs' })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      )) as Error & { code?: string }
    expect(error).toBeInstanceOf(Error)
    expect(error.message).toMatch(/unique/i)
    expect(error.message).not.toMatch(/insert into/i)
    expect(error.message).not.toContain('must not reach the logs')
    expect(error.stack).not.toContain('must not reach the logs')
    expect(error.code).toBeTruthy()
  })
})
