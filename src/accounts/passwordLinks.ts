import crypto from 'node:crypto'

/** How long a set-password link works. */
export const LINK_VALID_DAYS = 7

/** The stored form of a link token: its sha256, so a leaked table gives no working links. */
export const hashToken = (token: string): string =>
  crypto.createHash('sha256').update(token, 'utf8').digest('hex')

export interface NewLink {
  /** The secret in the URL; shown once and never stored. */
  token: string
  tokenHash: string
  expiresAt: string
}

/** A fresh link: 32 random bytes, base64url (43 characters, safe in a path). */
export function newLink(now: Date = new Date(), validForMs = LINK_VALID_DAYS * 86_400_000): NewLink {
  const token = crypto.randomBytes(32).toString('base64url')
  return {
    token,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + validForMs).toISOString(),
  }
}

export const linkPath = (token: string): string => `/set-password/${token}`

/** Only well-formed tokens reach the database (anything else is an unknown link). */
export const looksLikeToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token)
