import type { UsersRepository, UserRecord, Role } from './usersRepository'
import type { AuditRepository, AuditListing } from './auditRepository'
import type { PasswordTokensRepository } from './passwordTokensRepository'
import type { SessionsRepository } from './sessionsRepository'
import type { AccountsTransaction, AccountsTx } from './accountsTransactionRepository'
import type { CitiesRepository, City } from '../cities/citiesRepository'
import { newLink } from './passwordLinks'
import { fail, newAccountSchema, parseForm, type FormResult } from './accountForms'
import { BadRequestError, NotFoundError } from '../shared/errors'
import { nowIso } from '../shared/clock'
import type { Notifications } from '../mail/notifications'

export type AccountStatus = 'active' | 'invited' | 'disabled' | 'locked'

export interface AccountSummary {
  id: number
  email: string
  displayName: string
  role: Role
  cityName: string | null
  status: AccountStatus
  /** An invited account whose links have all expired or been replaced. */
  linkExpired: boolean
  lockedUntil: string | null
  disabledAt: string | null
  createdAt: string
}

export const AUDIT_PAGE_SIZE = 50

interface Deps {
  users: UsersRepository
  cities: CitiesRepository
  passwordTokens: PasswordTokensRepository
  sessions: SessionsRepository
  audit: AuditRepository
  transaction: AccountsTransaction
  notify: Pick<Notifications, 'invitation'>
}

/** What an account change needs to know about who made it. */
export interface Actor {
  id: number
  ip: string | null
}

export function statusOf(user: UserRecord, now: string = nowIso()): AccountStatus {
  if (user.disabledAt) return 'disabled'
  if (user.lockedUntil && user.lockedUntil > now) return 'locked'
  return user.passwordHash ? 'active' : 'invited'
}

/** Issues a new one-time link for a user inside a transaction, replacing any unused one. */
export async function issueLink(tx: AccountsTx, userId: number, validForMs?: number): Promise<string> {
  const link = newLink(new Date(), validForMs)
  await tx.passwordTokens.revokeUnused(userId)
  await tx.passwordTokens.create({ tokenHash: link.tokenHash, userId, expiresAt: link.expiresAt })
  return link.token
}

/**
 * Creates an account with no password and its one-time link inside a transaction, audited as
 * created by `actor`; the caller sends the link (an invitation, an approved request's message).
 */
export async function createAccountWithLink(
  tx: AccountsTx,
  actor: Actor,
  account: { email: string; displayName: string; role: Role; cityId: number | null },
  detail: Record<string, unknown> = {},
): Promise<{ userId: number; token: string }> {
  const userId = await tx.users.create({ ...account, passwordHash: null })
  const token = await issueLink(tx, userId)
  await tx.audit.record({
    actorId: actor.id,
    type: 'account_created',
    subject: account.email,
    detail: { userId, role: account.role, cityId: account.cityId, ...detail },
    ip: actor.ip,
  })
  return { userId, token }
}

/** Administrators managing officer and administrator accounts. Every change is audited. */
export function accountAdminService(deps: Deps) {
  const { users, cities, passwordTokens, sessions, audit, transaction, notify } = deps
  const summarise = (
    user: UserRecord,
    cityNames: Map<number, string>,
    openLinks: Set<number>,
  ): AccountSummary => {
    const status = statusOf(user)
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      cityName: user.cityId ? (cityNames.get(user.cityId) ?? null) : null,
      status,
      linkExpired: status === 'invited' && !openLinks.has(user.id),
      lockedUntil: user.lockedUntil,
      disabledAt: user.disabledAt,
      createdAt: user.createdAt,
    }
  }
  const cityNameMap = async () => new Map((await cities.list()).map((c) => [c.id, c.name]))
  const mustFind = async (id: number): Promise<UserRecord> => {
    const user = await users.findById(id)
    if (!user) throw new NotFoundError('There is no such account')
    return user
  }
  const record = (actor: Actor, type: string, user: UserRecord, detail?: Record<string, unknown>) =>
    audit.record({
      actorId: actor.id,
      type,
      subject: user.email,
      detail: { userId: user.id, ...detail },
      ip: actor.ip,
    })

  return {
    /** Every account with its city and status (active, invited, disabled, locked). */
    async list(): Promise<AccountSummary[]> {
      const [all, names, open] = await Promise.all([
        users.listAll(),
        cityNameMap(),
        passwordTokens.usersWithOpenLinks(),
      ])
      return all.map((user) => summarise(user, names, open))
    },

    async get(id: number): Promise<AccountSummary> {
      const [user, names, open] = await Promise.all([
        mustFind(id),
        cityNameMap(),
        passwordTokens.usersWithOpenLinks(),
      ])
      return summarise(user, names, open)
    },

    /** The cities an officer can be created for. */
    cityOptions: (): Promise<City[]> => cities.list(),

    /**
     * Creates an officer or administrator with no password and returns its one-time link
     * token; the invitation email with the link is queued in the same transaction.
     */
    async create(actor: Actor, input: unknown): Promise<FormResult<{ userId: number; token: string }>> {
      const form = parseForm(newAccountSchema, input)
      if (!form.ok) return form
      const { email, displayName, role, cityId } = form.value
      if (await users.findByEmail(email))
        return fail('email', 'An account with this email address already exists')
      const city = cityId === null ? undefined : await cities.findById(cityId)
      if (cityId !== null && !city) return fail('cityId', 'Select the city this officer answers for')
      const created = await transaction.run(async (tx) => {
        const account = await createAccountWithLink(tx, actor, { email, displayName, role, cityId })
        const invitation = await notify.invitation(
          { email, displayName, cityId },
          account.token,
          city?.name ?? null,
        )
        await tx.outbox.enqueue([invitation])
        return account
      })
      return { ok: true, value: created }
    },

    /** A new one-time link for an account, emailed too (the previous unused link stops working). */
    async reissueLink(actor: Actor, id: number): Promise<string> {
      const user = await mustFind(id)
      if (user.disabledAt) throw new BadRequestError('Enable the account before creating a new link')
      const city = user.cityId === null ? undefined : await cities.findById(user.cityId)
      return transaction.run(async (tx) => {
        const token = await issueLink(tx, id)
        await tx.outbox.enqueue([await notify.invitation(user, token, city?.name ?? null)])
        await tx.audit.record({
          actorId: actor.id,
          type: 'password_link_issued',
          subject: user.email,
          detail: { userId: id },
          ip: actor.ip,
        })
        return token
      })
    },

    /** Disables an account and ends its sessions at once. Admins cannot disable themselves. */
    async disable(actor: Actor, id: number): Promise<void> {
      const user = await mustFind(id)
      if (user.id === actor.id) throw new BadRequestError('You cannot disable your own account')
      await users.setDisabled(id, true)
      const ended = await sessions.deleteForUser(id)
      await record(actor, 'account_disabled', user, { sessionsEnded: ended })
    },

    async enable(actor: Actor, id: number): Promise<void> {
      const user = await mustFind(id)
      await users.setDisabled(id, false)
      await record(actor, 'account_enabled', user)
    },

    /** Lifts a lockout before it runs out, and clears the failed sign-in count. */
    async unlock(actor: Actor, id: number): Promise<void> {
      const user = await mustFind(id)
      await users.resetFailures(id)
      await record(actor, 'account_unlocked', user)
    },

    /** One page (1-based) of the account audit log, newest first. */
    async auditPage(
      page: number,
    ): Promise<{ entries: AuditListing[]; page: number; pages: number; total: number }> {
      const total = await audit.count()
      const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))
      const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages)
      return {
        entries: await audit.listing(AUDIT_PAGE_SIZE, (current - 1) * AUDIT_PAGE_SIZE),
        page: current,
        pages,
        total,
      }
    },
  }
}

export type AccountAdminService = ReturnType<typeof accountAdminService>
