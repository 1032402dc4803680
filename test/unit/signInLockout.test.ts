import { beforeAll, describe, expect, it } from 'vitest'
import { authService } from '../../src/accounts/authService'
import { hashPassword } from '../../src/accounts/passwords'
import type { UserRecord, UsersRepository } from '../../src/accounts/usersRepository'
import type { AuditRepository } from '../../src/accounts/auditRepository'

const PASSWORD = 'the-right-password'
let passwordHash = ''
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD)
})

/** One user in memory, stored as the users repository stores it, and the audit types in order. */
function setUp(fields: Partial<UserRecord> = {}) {
  const user: UserRecord = {
    id: 1,
    email: 'officer@example.test',
    displayName: 'Officer',
    passwordHash,
    role: 'officer',
    cityId: 3,
    failedLogins: 0,
    lockedUntil: null,
    disabledAt: null,
    isDemo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    passwordChangedAt: null,
    ...fields,
  }
  const audit: string[] = []
  // Every entry with its subject and time, for counting an unknown email's recent failures.
  const entries: Array<{ type: string; subject: string; at: string }> = []
  const users = {
    findByEmail: async (email: string) => (email === user.email ? { ...user } : undefined),
    recordFailure: async (_id: number, lockedUntil: string | null) => {
      user.failedLogins += 1
      if (lockedUntil) user.lockedUntil = lockedUntil
    },
    resetFailures: async () => {
      user.failedLogins = 0
      user.lockedUntil = null
    },
  } as unknown as UsersRepository
  const auditRepository = {
    record: async (entry: { type: string; subject: string }) => {
      audit.push(entry.type)
      entries.push({ type: entry.type, subject: entry.subject, at: new Date().toISOString() })
    },
    countFor: async (subject: string, types: string[], since: string) =>
      entries.filter((e) => e.subject === subject && types.includes(e.type) && e.at >= since).length,
  } as unknown as AuditRepository
  const service = authService({ users, audit: auditRepository, maxFailures: 3, lockoutMinutes: 15 })
  const attempt = async (password: string, email = user.email) => {
    const result = await service.signIn(email, password, '203.0.113.9')
    return result.ok ? 'ok' : result.reason
  }
  return { user, audit, entries, attempt }
}

describe('sign-in lockout', () => {
  it('when a sign-in succeeds after failures, then the count starts again from nothing', async () => {
    const { user, attempt } = setUp()
    expect([await attempt('wrong'), await attempt('wrong'), await attempt(PASSWORD)]).toEqual([
      'invalid',
      'invalid',
      'ok',
    ])
    expect(user.failedLogins).toBe(0)
    expect([await attempt('wrong'), await attempt('wrong')]).toEqual(['invalid', 'invalid'])
  })

  it('when the lock has run out, then one more wrong password counts as the first, not as a new lock', async () => {
    const { user, audit, attempt } = setUp({
      failedLogins: 3,
      lockedUntil: new Date(Date.now() - 1000).toISOString(),
    })
    expect(await attempt('wrong')).toBe('invalid')
    expect([user.failedLogins, user.lockedUntil]).toEqual([1, null])
    expect(audit).toEqual(['sign_in_failed'])
  })

  it('when the lock is still running, then even the right password is refused without checking it', async () => {
    const until = new Date(Date.now() + 60_000).toISOString()
    const { user, audit, attempt } = setUp({ failedLogins: 3, lockedUntil: until })
    expect(await attempt(PASSWORD)).toBe('locked')
    expect([user.failedLogins, user.lockedUntil]).toEqual([3, until])
    expect(audit).toEqual(['sign_in_refused_locked'])
  })

  it('when the last allowed failure comes, then the account locks for the lockout time', async () => {
    const { user, audit, attempt } = setUp({ failedLogins: 2 })
    const before = Date.now()
    expect(await attempt('wrong')).toBe('locked')
    const lockedFor = Date.parse(user.lockedUntil!) - before
    expect(lockedFor).toBeGreaterThan(15 * 60_000 - 5_000)
    expect(lockedFor).toBeLessThanOrEqual(15 * 60_000 + 5_000)
    expect(audit).toEqual(['account_locked'])
  })

  it('when a disabled account gives the right password, then it is refused; with a wrong one it is a failure like any other', async () => {
    const { audit, attempt } = setUp({ disabledAt: '2026-02-01T00:00:00.000Z' })
    expect(await attempt(PASSWORD)).toBe('disabled')
    expect(await attempt('wrong')).toBe('invalid')
    expect(audit).toEqual(['sign_in_refused_disabled', 'sign_in_failed'])
  })

  it('when a sign-in succeeds with no failures behind it, then it is audited and nothing is reset', async () => {
    const { audit, attempt } = setUp()
    expect(await attempt(PASSWORD)).toBe('ok')
    expect(audit).toEqual(['sign_in'])
  })

  it('when wrong passwords come one after another from nothing, then the third locks the account and the right one is refused', async () => {
    const { audit, attempt } = setUp()
    expect([
      await attempt('wrong'),
      await attempt('wrong'),
      await attempt('wrong'),
      await attempt(PASSWORD),
    ]).toEqual(['invalid', 'invalid', 'locked', 'locked'])
    expect(audit).toEqual(['sign_in_failed', 'sign_in_failed', 'account_locked', 'sign_in_refused_locked'])
  })

  it('when an unknown email fails as often as an account may, then it reads as locked too, counting only failures within the lockout time', async () => {
    const { entries, attempt } = setUp()
    const unknown = `${'n'.repeat(300)}@example.test`
    const subject = unknown.slice(0, 254)
    const longAgo = new Date(Date.now() - 16 * 60_000).toISOString()
    for (let i = 0; i < 3; i++) entries.push({ type: 'sign_in_failed', subject, at: longAgo })
    entries.push({ type: 'sign_in', subject, at: new Date().toISOString() })
    expect([
      await attempt('wrong', unknown),
      await attempt('wrong', unknown),
      await attempt('wrong', unknown),
    ]).toEqual(['invalid', 'invalid', 'locked'])
    expect(entries.slice(4)).toMatchObject([
      { type: 'sign_in_failed', subject },
      { type: 'sign_in_failed', subject },
      { type: 'account_locked', subject },
    ])
    expect(await attempt('wrong', unknown)).toBe('locked')
  })
})
