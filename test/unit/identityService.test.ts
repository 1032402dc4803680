import { describe, expect, it } from 'vitest'
import { identityService } from '../../src/identity/identityService'
import type { IdentityRepository, StoredIdentity } from '../../src/identity/identityRepository'
import { DEFAULT_IDENTITY, type IdentityOverrides } from '../../src/shared/identity'
import type { Edition } from '../../src/questionnaire/editionsRepository'

/** The table as another instance sees it: a plain object both "instances" read and write. */
function fakeDatabase() {
  const stored: StoredIdentity = { site: {}, years: new Map() }
  let reads = 0
  const repo: IdentityRepository = {
    load: async () => {
      reads++
      return { site: { ...stored.site }, years: new Map(stored.years) }
    },
    saveSite: async (values: IdentityOverrides) => {
      stored.site = values
    },
    saveEdition: async (editionId: number, values: IdentityOverrides) => {
      stored.years.set(editionId, values)
    },
  }
  return { stored, repo, reads: () => reads }
}

const editions = {
  findByYear: async (year: number) => ({ id: year, year }) as Edition,
  list: async () => [],
}
const audit = { record: async () => undefined }

describe('the identity service', () => {
  it('when a setting is saved here, then this instance uses it at once; another one within its refresh time', async () => {
    const db = fakeDatabase()
    const here = identityService({ identity: db.repo, editions, audit }, DEFAULT_IDENTITY, 60_000)
    const there = identityService({ identity: db.repo, editions, audit }, DEFAULT_IDENTITY, 0)
    const slow = identityService({ identity: db.repo, editions, audit }, DEFAULT_IDENTITY, 60_000)
    expect((await slow.current()).surveyName).toBe('City Innovation Survey')
    const before = await here.version()
    expect((await here.saveSite({ surveyName: 'Digital Services Survey' }, 1)).errors).toEqual([])
    expect((await here.current()).surveyName).toBe('Digital Services Survey')
    expect(await here.version()).not.toBe(before)
    expect((await there.current()).surveyName).toBe('Digital Services Survey')
    // Within its refresh time an instance keeps what it read: one read for many requests.
    const reads = db.reads()
    expect((await slow.current()).surveyName).toBe('City Innovation Survey')
    expect(db.reads()).toBe(reads)
  })

  it('when a page asks without waiting, then it gets what was read while fresh, and nothing stale after a save or past the refresh time', async () => {
    const db = fakeDatabase()
    const here = identityService({ identity: db.repo, editions, audit }, DEFAULT_IDENTITY, 60_000)
    expect(here.known()).toBeUndefined()
    const version = await here.version()
    expect(here.known()).toMatchObject({ version, current: { surveyName: 'City Innovation Survey' } })
    await here.saveSite({ surveyName: 'Digital Services Survey' }, 1)
    expect(here.known()).toBeUndefined()
    await here.current()
    expect(here.known()?.current.surveyName).toBe('Digital Services Survey')
    const there = identityService({ identity: db.repo, editions, audit }, DEFAULT_IDENTITY, 0)
    await there.current()
    await new Promise((resolve) => setTimeout(resolve, 2))
    expect(there.known()).toBeUndefined()
  })

  it('when a year sets its own words, then only that year has them, over the site’s', async () => {
    const db = fakeDatabase()
    db.stored.site = { unitPlural: 'municipalities' }
    db.stored.years.set(2027, { profileTitle: 'Digital services profile' })
    const service = identityService({ identity: db.repo, editions, audit }, DEFAULT_IDENTITY)
    expect(await service.forYear(2027)).toMatchObject({
      profileTitle: 'Digital services profile',
      unitPlural: 'municipalities',
    })
    expect((await service.forYear(2026)).profileTitle).toBe('Innovation profile')
  })

  it('when a form has a bad value, then nothing is saved and the message names the field', async () => {
    const db = fakeDatabase()
    const service = identityService({ identity: db.repo, editions, audit }, DEFAULT_IDENTITY)
    const { errors } = await service.saveSite({ filePrefix: 'Bad Prefix' }, 1)
    expect(errors).toEqual([
      {
        href: '#filePrefix',
        text: 'File name prefix must be lower-case letters and digits joined by “-”, for example digital-services',
      },
    ])
    expect(db.stored.site).toEqual({})
  })

  it('when the database refuses a read, then the last identity read serves (the environment’s before any), and the next request reads again', async () => {
    const db = fakeDatabase()
    let refuse = false
    const repo: IdentityRepository = {
      ...db.repo,
      load: async () => {
        if (refuse) throw new Error('SQLITE_BUSY: database is locked')
        return db.repo.load()
      },
    }
    db.stored.site = { surveyName: 'Digital Services Survey' }
    const service = identityService({ identity: repo, editions, audit }, DEFAULT_IDENTITY, -1)
    expect((await service.current()).surveyName).toBe('Digital Services Survey')
    refuse = true
    expect((await service.current()).surveyName).toBe('Digital Services Survey')
    const fresh = identityService({ identity: repo, editions, audit }, DEFAULT_IDENTITY, -1)
    expect((await fresh.current()).surveyName).toBe('City Innovation Survey')
    refuse = false
    expect((await fresh.current()).surveyName).toBe('Digital Services Survey')
  })
})
