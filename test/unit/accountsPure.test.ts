import { describe, expect, it } from 'vitest'
import { slugFor } from '../../src/accounts/cityRequestService'
import { statusOf } from '../../src/accounts/accountAdminService'
import { hashToken, LINK_VALID_DAYS, looksLikeToken, newLink } from '../../src/accounts/passwordLinks'
import { changePasswordSchema, newAccountSchema, parseForm } from '../../src/accounts/accountForms'
import type { UserRecord } from '../../src/accounts/usersRepository'

const user = (fields: Partial<UserRecord> = {}): UserRecord => ({
  id: 1,
  email: 'a@example.test',
  displayName: 'A',
  passwordHash: 'hash',
  role: 'officer',
  cityId: 1,
  failedLogins: 0,
  lockedUntil: null,
  disabledAt: null,
  isDemo: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  passwordChangedAt: null,
  ...fields,
})

describe('slugFor', () => {
  it('when a name has accents, spaces and punctuation, then the slug is plain lower-case words and the ISO code', () => {
    expect(slugFor('São Paulo', 'BRA')).toBe('sao-paulo-bra')
    expect(slugFor("  L'Hospitalet de Llobregat ", 'ESP')).toBe('l-hospitalet-de-llobregat-esp')
    expect(slugFor('Zürich', '')).toBe('zurich')
  })
})

describe('statusOf', () => {
  it('when an account is disabled, locked, without a password or none of these, then its status says so in that order', () => {
    const now = '2026-06-01T00:00:00.000Z'
    expect(statusOf(user({ disabledAt: now, lockedUntil: '2099-01-01T00:00:00.000Z' }), now)).toBe('disabled')
    expect(statusOf(user({ lockedUntil: '2099-01-01T00:00:00.000Z' }), now)).toBe('locked')
    expect(statusOf(user({ lockedUntil: '2020-01-01T00:00:00.000Z' }), now)).toBe('active')
    expect(statusOf(user({ passwordHash: null }), now)).toBe('invited')
    expect(statusOf(user(), now)).toBe('active')
  })
})

describe('one-time links', () => {
  it('when a link is made, then its token is 32 random bytes in base64url, stored only as its sha256, for 7 days', () => {
    const now = new Date('2026-06-01T00:00:00.000Z')
    const link = newLink(now)
    expect(looksLikeToken(link.token)).toBe(true)
    expect(Buffer.from(link.token, 'base64url')).toHaveLength(32)
    expect(link.tokenHash).toBe(hashToken(link.token))
    expect(link.tokenHash).toMatch(/^[0-9a-f]{64}$/)
    expect(new Date(link.expiresAt).getTime() - now.getTime()).toBe(LINK_VALID_DAYS * 86_400_000)
    expect(newLink(now).token).not.toBe(link.token)
  })
})

describe('account forms', () => {
  it('when a password change is invalid, then one message per field, in field order', () => {
    const result = parseForm(changePasswordSchema, {
      currentPassword: '',
      newPassword: 'short',
      confirmPassword: 'other',
    })
    expect(result).toEqual({
      ok: false,
      errors: [
        { href: '#currentPassword', text: 'Enter your current password' },
        { href: '#newPassword', text: 'Password must be 12 characters or more' },
        { href: '#confirmPassword', text: 'The passwords do not match: enter the same new password twice' },
      ],
    })
  })

  it('when an administrator account is created, then no city is kept even if one was sent', () => {
    const result = parseForm(newAccountSchema, {
      displayName: ' Ann ',
      email: ' Ann@Example.TEST ',
      role: 'admin',
      cityId: '4',
    })
    expect(result).toEqual({
      ok: true,
      value: { displayName: 'Ann', email: 'ann@example.test', role: 'admin', cityId: null },
    })
  })
})
