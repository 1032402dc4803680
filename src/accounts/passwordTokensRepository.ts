import type { Knex } from 'knex'
import { nowIso } from '../shared/clock'

export interface PasswordToken {
  tokenHash: string
  userId: number
  expiresAt: string
  usedAt: string | null
  createdAt: string
}

interface TokenRow {
  token_hash: string
  user_id: number
  expires_at: string
  used_at: string | null
  created_at: string
}

const toToken = (row: TokenRow): PasswordToken => ({
  tokenHash: row.token_hash,
  userId: row.user_id,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
  createdAt: row.created_at,
})

/** One-time set-password links. Only the sha256 of a token is stored, never the token. */
export function passwordTokensRepository(knex: Knex) {
  return {
    async create(token: { tokenHash: string; userId: number; expiresAt: string }): Promise<void> {
      await knex('password_tokens').insert({
        token_hash: token.tokenHash,
        user_id: token.userId,
        expires_at: token.expiresAt,
        created_at: nowIso(),
      })
    },
    async findByHash(tokenHash: string): Promise<PasswordToken | undefined> {
      const row = await knex<TokenRow>('password_tokens').where({ token_hash: tokenHash }).first()
      return row && toToken(row)
    },
    /**
     * Marks a link used, only if it is still unused and unexpired: the conditional UPDATE
     * makes "single use" hold even when two requests race with the same link.
     */
    async consume(tokenHash: string, at: string = nowIso()): Promise<boolean> {
      const changed = await knex('password_tokens')
        .where({ token_hash: tokenHash })
        .whereNull('used_at')
        .where('expires_at', '>', at)
        .update({ used_at: at })
      return changed === 1
    },
    /** A new link replaces the old ones: unused links of the user stop working. */
    async revokeUnused(userId: number, at: string = nowIso()): Promise<void> {
      await knex('password_tokens').where({ user_id: userId }).whereNull('used_at').update({ used_at: at })
    },
    async setExpiry(tokenHash: string, expiresAt: string): Promise<void> {
      await knex('password_tokens').where({ token_hash: tokenHash }).update({ expires_at: expiresAt })
    },
    /** Users with a link that can still be used (for the "invited" status). */
    async usersWithOpenLinks(at: string = nowIso()): Promise<Set<number>> {
      const rows = await knex('password_tokens')
        .distinct('user_id')
        .whereNull('used_at')
        .where('expires_at', '>', at)
      return new Set(rows.map((r: { user_id: number }) => Number(r.user_id)))
    },
  }
}

export type PasswordTokensRepository = ReturnType<typeof passwordTokensRepository>
