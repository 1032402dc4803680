import type { UsersRepository } from './usersRepository'
import type { PasswordTokensRepository } from './passwordTokensRepository'
import type { SessionsRepository } from './sessionsRepository'
import type { AccountsTransaction } from './accountsTransactionRepository'
import { hashPassword } from './passwords'
import { hashToken, looksLikeToken } from './passwordLinks'
import { parseForm, setPasswordSchema } from './accountForms'
import type { FieldError } from '../shared/errors'
import { nowIso } from '../shared/clock'

interface Deps {
  users: UsersRepository
  passwordTokens: PasswordTokensRepository
  sessions: SessionsRepository
  transaction: AccountsTransaction
}

/** Why a link cannot be used: unknown (404) or expired, used or its account disabled (410). */
export type LinkState =
  | { usable: true; userId: number; email: string; displayName: string }
  | { usable: false; status: 404 | 410; reason: 'unknown' | 'expired' | 'used' | 'disabled' }

export type SetPasswordResult =
  | { ok: true; email: string }
  | { ok: false; email: string; errors: FieldError[] }
  | { ok: false; link: Extract<LinkState, { usable: false }> }

/** One-time set-password links: checking one, and setting a password with it. */
export function passwordLinkService({ users, passwordTokens, sessions, transaction }: Deps) {
  async function check(token: string): Promise<LinkState> {
    const stored = looksLikeToken(token) ? await passwordTokens.findByHash(hashToken(token)) : undefined
    if (!stored) return { usable: false, status: 404, reason: 'unknown' }
    if (stored.usedAt) return { usable: false, status: 410, reason: 'used' }
    if (stored.expiresAt <= nowIso()) return { usable: false, status: 410, reason: 'expired' }
    const user = await users.findById(stored.userId)
    if (!user || user.disabledAt) return { usable: false, status: 410, reason: 'disabled' }
    return { usable: true, userId: user.id, email: user.email, displayName: user.displayName }
  }

  return {
    /** Whether a link from a URL can still set a password, and for whom. */
    check,

    /**
     * Sets the password of the link's account and uses the link up, in one transaction
     * (the conditional consume makes a second use fail even when two requests race).
     * Existing sessions of the account end; failed sign-ins and any lockout are cleared.
     */
    async setPassword(token: string, input: unknown, ip: string | null): Promise<SetPasswordResult> {
      const link = await check(token)
      if (!link.usable) return { ok: false, link }
      const form = parseForm(setPasswordSchema, input)
      if (!form.ok) return { ok: false, email: link.email, errors: form.errors }
      const passwordHash = await hashPassword(form.value.newPassword)
      const consumed = await transaction.run(async (tx) => {
        if (!(await tx.passwordTokens.consume(hashToken(token)))) return false
        await tx.users.setPassword(link.userId, passwordHash)
        await tx.passwordTokens.revokeUnused(link.userId)
        await tx.audit.record({
          actorId: link.userId,
          type: 'password_set_with_link',
          subject: link.email,
          ip,
        })
        return true
      })
      if (!consumed) return { ok: false, link: { usable: false, status: 410, reason: 'used' } }
      await sessions.deleteForUser(link.userId)
      return { ok: true, email: link.email }
    },
  }
}

export type PasswordLinkService = ReturnType<typeof passwordLinkService>
