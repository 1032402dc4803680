import type { UsersRepository, UserRecord } from './usersRepository'
import type { AuditRepository } from './auditRepository'
import { dummyHash, verifyPassword } from './passwords'
import { english } from '../i18n/catalogues'

export type SignInResult =
  { ok: true; user: Express.User } | { ok: false; reason: 'invalid' | 'locked' | 'disabled'; message: string }

/** The English refusals; the sign-in page shows them in the reader's language (signIn.errors.*). */
export const SIGN_IN_MESSAGES = {
  invalid: english('signIn.errors.invalid'),
  locked: english('signIn.errors.locked'),
  disabled: english('signIn.errors.disabled'),
} as const

export const toSessionUser = (user: UserRecord): Express.User => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  role: user.role,
  cityId: user.cityId,
  locale: user.locale,
})

interface Deps {
  users: UsersRepository
  audit: AuditRepository
  maxFailures: number
  lockoutMinutes: number
}

export function authService({ users, audit, maxFailures, lockoutMinutes }: Deps) {
  const refuse = (reason: 'invalid' | 'locked' | 'disabled'): SignInResult => ({
    ok: false,
    reason,
    message: SIGN_IN_MESSAGES[reason],
  })

  /** An unknown email is "locked" after as many failures, within the lockout time, as a real account. */
  async function refuseUnknown(subject: string, ip: string | null): Promise<SignInResult> {
    const since = new Date(Date.now() - lockoutMinutes * 60_000).toISOString()
    const earlier = await audit.countFor(subject, ['sign_in_failed', 'account_locked'], since)
    const lock = earlier + 1 >= maxFailures
    await audit.record({ actorId: null, type: lock ? 'account_locked' : 'sign_in_failed', subject, ip })
    return refuse(lock ? 'locked' : 'invalid')
  }

  return {
    /**
     * Checks an email and password. An unknown email reads and behaves as a known one: the same
     * message, the same lockout after `maxFailures` failures in a row for `lockoutMinutes`, and one
     * password hash verified on every path (a decoy where there is no hash), so timing tells nothing.
     */
    async signIn(email: string, password: string, ip: string | null): Promise<SignInResult> {
      const user = await users.findByEmail(email)
      const matches = await verifyPassword(user?.passwordHash ?? (await dummyHash), password)
      if (!user) return refuseUnknown(email.slice(0, 254), ip)
      if (user.lockedUntil && user.lockedUntil > new Date().toISOString()) {
        await audit.record({ actorId: user.id, type: 'sign_in_refused_locked', subject: user.email, ip })
        return refuse('locked')
      }
      if (!matches || !user.passwordHash) {
        const failures = (user.lockedUntil ? 0 : user.failedLogins) + 1
        const lock =
          failures >= maxFailures ? new Date(Date.now() + lockoutMinutes * 60_000).toISOString() : null
        if (user.lockedUntil) await users.resetFailures(user.id)
        await users.recordFailure(user.id, lock)
        await audit.record({
          actorId: user.id,
          type: lock ? 'account_locked' : 'sign_in_failed',
          subject: user.email,
          ip,
        })
        return refuse(lock ? 'locked' : 'invalid')
      }
      if (user.disabledAt) {
        await audit.record({ actorId: user.id, type: 'sign_in_refused_disabled', subject: user.email, ip })
        return refuse('disabled')
      }
      if (user.failedLogins > 0 || user.lockedUntil) await users.resetFailures(user.id)
      await audit.record({ actorId: user.id, type: 'sign_in', subject: user.email, ip })
      return { ok: true, user: toSessionUser(user) }
    },

    /** Audits a role-protected refusal (a 403 from requireAdmin or requireOfficer). */
    async recordRefusal(user: Express.User, path: string, ip: string | null): Promise<void> {
      await audit.record({
        actorId: user.id,
        type: 'access_refused',
        subject: path,
        detail: { role: user.role },
        ip,
      })
    },

    /** The signed-in user for a session, or undefined when the account is gone or disabled. */
    async sessionUser(id: number): Promise<Express.User | undefined> {
      const user = await users.findById(id)
      return user && !user.disabledAt ? toSessionUser(user) : undefined
    },
  }
}

export type AuthService = ReturnType<typeof authService>
