import type { Knex } from 'knex'
import { insertReturningId } from '../db/dialect'
import { nowIso } from '../shared/clock'

export type Role = 'officer' | 'admin'

export interface UserRecord {
  id: number
  email: string
  displayName: string
  passwordHash: string | null
  role: Role
  cityId: number | null
  failedLogins: number
  lockedUntil: string | null
  disabledAt: string | null
  isDemo: boolean
  createdAt: string
  passwordChangedAt: string | null
  /** The interface language the user chose, or null (src/i18n). */
  locale?: string | null
}

export interface NewUser {
  email: string
  displayName: string
  passwordHash: string | null
  role: Role
  cityId: number | null
  isDemo?: boolean
}

interface UserRow {
  id: number
  email: string
  display_name: string
  password_hash: string | null
  role: Role
  city_id: number | null
  failed_logins: number
  locked_until: string | null
  disabled_at: string | null
  is_demo: boolean | number
  created_at: string
  password_changed_at: string | null
  locale: string | null
}

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  role: row.role,
  cityId: row.city_id,
  failedLogins: row.failed_logins,
  lockedUntil: row.locked_until,
  disabledAt: row.disabled_at,
  isDemo: Boolean(row.is_demo),
  createdAt: row.created_at,
  passwordChangedAt: row.password_changed_at,
  locale: row.locale ?? null,
})

export function usersRepository(knex: Knex) {
  return {
    async findByEmail(email: string): Promise<UserRecord | undefined> {
      const row = await knex<UserRow>('users').where({ email: email.trim().toLowerCase() }).first()
      return row && toUser(row)
    },
    /** Which of these (lower-case) email addresses already have an account. */
    async existingEmails(emails: string[]): Promise<Set<string>> {
      const found = new Set<string>()
      for (let i = 0; i < emails.length; i += 500) {
        const rows: Array<{ email: string }> = await knex('users')
          .whereIn('email', emails.slice(i, i + 500))
          .select('email')
        for (const row of rows) found.add(row.email)
      }
      return found
    },
    async findById(id: number): Promise<UserRecord | undefined> {
      const row = await knex<UserRow>('users').where({ id }).first()
      return row && toUser(row)
    },
    async listByCity(cityId: number): Promise<UserRecord[]> {
      return (await knex<UserRow>('users').where({ city_id: cityId }).orderBy('email')).map(toUser)
    },
    async listAll(): Promise<UserRecord[]> {
      return (await knex<UserRow>('users').orderBy(['role', 'email'])).map(toUser)
    },
    async create(user: NewUser): Promise<number> {
      return insertReturningId(knex, 'users', {
        email: user.email.trim().toLowerCase(),
        display_name: user.displayName,
        password_hash: user.passwordHash,
        role: user.role,
        city_id: user.cityId,
        is_demo: user.isDemo ?? false,
        created_at: nowIso(),
      })
    },
    async setLocale(id: number, locale: string): Promise<void> {
      await knex('users').where({ id }).update({ locale })
    },
    async recordFailure(id: number, lockedUntil: string | null): Promise<void> {
      await knex('users')
        .where({ id })
        .update({
          failed_logins: knex.raw('failed_logins + 1'),
          ...(lockedUntil ? { locked_until: lockedUntil } : {}),
        })
    },
    async resetFailures(id: number): Promise<void> {
      await knex('users').where({ id }).update({ failed_logins: 0, locked_until: null })
    },
    async setPassword(id: number, passwordHash: string): Promise<void> {
      await knex('users').where({ id }).update({
        password_hash: passwordHash,
        password_changed_at: nowIso(),
        failed_logins: 0,
        locked_until: null,
      })
    },
    async setDisabled(id: number, disabled: boolean): Promise<void> {
      await knex('users')
        .where({ id })
        .update({ disabled_at: disabled ? nowIso() : null })
    },
    /** Makes an existing account an administrator (no city), enabled and unlocked. */
    async promoteToAdmin(id: number, displayName?: string): Promise<void> {
      await knex('users')
        .where({ id })
        .update({
          role: 'admin',
          city_id: null,
          disabled_at: null,
          failed_logins: 0,
          locked_until: null,
          ...(displayName ? { display_name: displayName } : {}),
        })
    },
    async countDemoAccounts(): Promise<number> {
      const row = await knex('users')
        .where({ is_demo: true })
        .count<{ count: number | string }[]>({ count: '*' })
        .first()
      return Number(row?.count ?? 0)
    },
  }
}

export type UsersRepository = ReturnType<typeof usersRepository>
