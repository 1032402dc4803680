import type { UsersRepository } from './usersRepository'
import type { Locale } from '../i18n/catalogues'
import type { AuditRepository } from './auditRepository'
import type { SessionsRepository } from './sessionsRepository'
import type { CitiesRepository } from '../cities/citiesRepository'
import { hashPassword, verifyPassword } from './passwords'
import { changePasswordSchema, fail, parseForm, passwordMessage, type FormResult } from './accountForms'
import { NotFoundError } from '../shared/errors'

interface Deps {
  users: UsersRepository
  cities: CitiesRepository
  sessions: SessionsRepository
  audit: AuditRepository
}

export interface AccountProfile {
  displayName: string
  email: string
  role: 'officer' | 'admin'
  cityName: string | null
  passwordChangedAt: string | null
}

/** What signed-in users do with their own account. */
export function accountService({ users, cities, sessions, audit }: Deps) {
  return {
    /** The signed-in user's own details for the "Your account" page. */
    async profile(user: Express.User): Promise<AccountProfile> {
      const record = await users.findById(user.id)
      if (!record) throw new NotFoundError()
      const city = record.cityId ? await cities.findById(record.cityId) : undefined
      return {
        displayName: record.displayName,
        email: record.email,
        role: record.role,
        cityName: city?.name ?? null,
        passwordChangedAt: record.passwordChangedAt,
      }
    },

    /** Saves the interface language the user chose (the language switcher), for every device they sign in on. */
    async chooseLocale(userId: number, locale: Locale): Promise<void> {
      await users.setLocale(userId, locale)
    },

    /**
     * Changes the user's password: the current one is required, the new one follows the
     * password rules. The user's other sessions end (this one, `keepSid`, stays).
     */
    async changePassword(
      user: Express.User,
      input: unknown,
      keepSid: string,
      ip: string | null,
    ): Promise<FormResult<null>> {
      const form = parseForm(changePasswordSchema, input)
      if (!form.ok) return form
      const record = await users.findById(user.id)
      if (!record) throw new NotFoundError()
      if (!(await verifyPassword(record.passwordHash, form.value.currentPassword))) {
        await audit.record({ actorId: user.id, type: 'password_change_failed', subject: record.email, ip })
        return fail('currentPassword', passwordMessage('currentWrong'))
      }
      if (form.value.newPassword === form.value.currentPassword) {
        return fail('newPassword', passwordMessage('sameAsCurrent'))
      }
      await users.setPassword(user.id, await hashPassword(form.value.newPassword))
      const ended = await sessions.deleteForUser(user.id, keepSid)
      await audit.record({
        actorId: user.id,
        type: 'password_changed',
        subject: record.email,
        detail: { otherSessionsEnded: ended },
        ip,
      })
      return { ok: true, value: null }
    },
  }
}

export type AccountService = ReturnType<typeof accountService>
