import { adminPaths } from '../web/adminPaths'

/** Our own route prefixes a sign-in may return to; anything else goes home (no open redirect). */
const allowedPrefixes = ['/survey', '/admin', '/account', '/cities', '/results', '/open-data']

export function safeReturnPath(candidate: unknown): string | undefined {
  if (typeof candidate !== 'string') return undefined
  if (!/^\/[A-Za-z0-9\-._~/%?=&+]*$/.test(candidate) || candidate.startsWith('//')) return undefined
  const path = candidate.split('?')[0]
  return allowedPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
    ? candidate
    : undefined
}

/** The landing page after sign-in for a role. */
export const homeFor = (user: Express.User): string => (user.role === 'admin' ? adminPaths.home() : '/survey')
