import type { UsersRepository } from './usersRepository'
import type { AccountsTransaction } from './accountsTransactionRepository'
import type { Notifications } from '../mail/notifications'
import { RESET_LINK_VALID_MINUTES } from '../mail/notifications'
import { issueLink } from './accountAdminService'
import { newLink } from './passwordLinks'

interface Deps {
  users: Pick<UsersRepository, 'findByEmail'>
  transaction: AccountsTransaction
  notify: Pick<Notifications, 'passwordReset'>
}

/** Stands in for a real recipient when the address has no account, so both cases do the same work. */
const nobody = { email: 'nobody@invalid', displayName: 'nobody', cityId: null }

/**
 * "Forgot your password": a reset link by email, only for an enabled account. The page that
 * answers is the same whether the account exists or not, and is sent before this work starts
 * (see forgotPasswordRoutes); the work itself is alike in both cases as well (a token made, a
 * message rendered, a transaction with an audit record), so nothing measurable tells them apart.
 * The link is a set-password link of its own (single use, valid for an hour); setting the
 * password with it ends every session of the account.
 */
export function passwordResetService({ users, transaction, notify }: Deps) {
  return {
    async request(email: string, ip: string | null): Promise<void> {
      const user = await users.findByEmail(email)
      const known = user && !user.disabledAt ? user : undefined
      const validForMs = RESET_LINK_VALID_MINUTES * 60_000
      await transaction.run(async (tx) => {
        const token = known
          ? await issueLink(tx, known.id, validForMs)
          : newLink(new Date(), validForMs).token
        const mail = await notify.passwordReset(known ?? nobody, token)
        if (known) await tx.outbox.enqueue([mail])
        await tx.audit.record({
          actorId: known?.id ?? null,
          type: 'password_reset_requested',
          subject: email.trim().toLowerCase().slice(0, 254),
          detail: { sent: Boolean(known) },
          ip,
        })
      })
    },
  }
}

export type PasswordResetService = ReturnType<typeof passwordResetService>
