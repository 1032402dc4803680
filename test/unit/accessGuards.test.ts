import { describe, expect, it, vi } from 'vitest'
import type { NextFunction, Request, Response } from 'express'
import { requireAdmin, requireOfficer, requireSignIn } from '../../src/accounts/guards'
import { ForbiddenError } from '../../src/shared/errors'

type User = Express.User

/** A request and response as far as the guards read them, and what they did. */
function call(
  guard: typeof requireAdmin,
  options: {
    user?: Partial<User>
    method?: string
    url?: string
    recordRefusal?: (user: User, path: string, ip: string | null) => Promise<void>
    ip?: string
    noLogger?: boolean
  } = {},
) {
  const session: { returnTo?: string } = {}
  const warn = vi.fn()
  const req = {
    user: options.user as User | undefined,
    method: options.method ?? 'GET',
    originalUrl: options.url ?? '/admin/users?page=2',
    session,
    ip: options.ip,
    log: options.noLogger ? undefined : { warn },
  } as unknown as Request
  const redirect = vi.fn()
  const res = {
    redirect,
    locals: options.recordRefusal ? { recordRefusal: options.recordRefusal } : {},
  } as unknown as Response
  return new Promise<{ error?: unknown; redirected?: string; session: typeof session; warn: typeof warn }>(
    (resolve) => {
      const next: NextFunction = (error?: unknown) => resolve({ error, session, warn })
      redirect.mockImplementation((to: string) => resolve({ redirected: to, session, warn }))
      guard(req, res, next)
    },
  )
}

const admin: Partial<User> = { id: 1, role: 'admin', cityId: null }
const officer: Partial<User> = { id: 2, role: 'officer', cityId: 7 }

describe('access guards', () => {
  it('when nobody is signed in, then a GET or HEAD goes to sign in and remembers the page; a POST remembers nothing', async () => {
    for (const method of ['GET', 'HEAD']) {
      const result = await call(requireSignIn, { method })
      expect(result).toMatchObject({ redirected: '/login', session: { returnTo: '/admin/users?page=2' } })
    }
    const post = await call(requireSignIn, { method: 'POST' })
    expect(post.redirected).toBe('/login')
    expect(post.session.returnTo).toBeUndefined()
    for (const guard of [requireAdmin, requireOfficer]) expect((await call(guard)).redirected).toBe('/login')
  })

  it('when the right person is signed in, then the request goes on without an error', async () => {
    for (const [guard, user] of [
      [requireSignIn, officer],
      [requireAdmin, admin],
      [requireOfficer, officer],
    ] as const) {
      const result = await call(guard, { user })
      expect('error' in result && result.error === undefined && result.redirected === undefined).toBe(true)
    }
  })

  it('when an officer asks for an admin page, then it is a 403, audited with the path without its query', async () => {
    const record = vi.fn(async () => {})
    const result = await call(requireAdmin, { user: officer, recordRefusal: record, ip: '203.0.113.9' })
    expect(result.error).toBeInstanceOf(ForbiddenError)
    expect(record).toHaveBeenCalledWith(officer, '/admin/users', '203.0.113.9')
    const long = await call(requireAdmin, {
      user: officer,
      recordRefusal: record,
      url: `/admin/${'x'.repeat(400)}`,
    })
    expect(long.error).toBeInstanceOf(ForbiddenError)
    expect(record).toHaveBeenLastCalledWith(officer, `/admin/${'x'.repeat(247)}`, null)
  })

  it('when an admin (even one with a city) or an officer without a city asks for an officer page, then it is a 403 that says who it is for', async () => {
    for (const user of [admin, { ...admin, cityId: 7 }, { ...officer, cityId: null }]) {
      const result = await call(requireOfficer, { user })
      expect(result.error).toBeInstanceOf(ForbiddenError)
      expect((result.error as Error).message).toBe('This page is for city innovation officers.')
    }
  })

  it('when the audit write fails, then the refusal still stands and the failure is logged', async () => {
    const result = await call(requireAdmin, {
      user: officer,
      recordRefusal: async () => {
        throw new Error('database down')
      },
    })
    expect(result.error).toBeInstanceOf(ForbiddenError)
    expect(result.warn).toHaveBeenCalledOnce()
  })

  it('when the audit write fails on a request without a logger, then the refusal still stands', async () => {
    const result = await call(requireAdmin, {
      user: officer,
      noLogger: true,
      recordRefusal: async () => {
        throw new Error('database down')
      },
    })
    expect(result.error).toBeInstanceOf(ForbiddenError)
    // Its own limit: a logger call that throws leaves the request hanging, never answered.
  }, 5_000)
})
