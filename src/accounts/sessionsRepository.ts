import type { Knex } from 'knex'

type StoredUser = number | { id?: unknown } | undefined

interface SessionRow {
  sid: string
  sess: string | { passport?: { user?: StoredUser } }
}

/**
 * The signed-in user id of a stored session (sqlite3 returns the JSON as text, pg as an
 * object). The session keeps the user as an object with `id` first; sessions signed in
 * before that keep the bare id.
 */
function sessionUserId(sess: SessionRow['sess']): number | undefined {
  try {
    const data = typeof sess === 'string' ? (JSON.parse(sess) as { passport?: { user?: StoredUser } }) : sess
    const user = data?.passport?.user
    const id = typeof user === 'object' ? user.id : user
    return typeof id === 'number' ? id : undefined
  } catch {
    return undefined
  }
}

/** LIKE patterns over the serialised session that match user `id` (and some others, checked after). */
const userPatterns = (id: number): string[] =>
  ['"user":{"id":', '"user": {"id": ', '"user":', '"user": '].map((prefix) => `%${prefix}${id}%`)

/** The express-session rows (written by connect-session-knex), for ending a user's sessions. */
export function sessionsRepository(knex: Knex) {
  return {
    /**
     * Deletes every session signed in as `userId` (except `keepSid`, the caller's own).
     * `sess` is a json column on PostgreSQL and text on SQLite, and neither JSON
     * operator syntax is shared, so: a LIKE on the serialised JSON (CAST … AS TEXT works
     * on both; patterns cover a jsonb column's spacing and sessions keeping a bare id)
     * narrows the rows cheaply, then the exact user id is checked in JS (the LIKE for
     * user 5 also matches 51). Returns how many sessions were ended.
     */
    async deleteForUser(userId: number, keepSid?: string): Promise<number> {
      const id = Math.trunc(userId)
      const candidates = await knex<SessionRow>('sessions')
        .select('sid', 'sess')
        .whereRaw(
          `(${userPatterns(id)
            .map(() => 'CAST(sess AS TEXT) LIKE ?')
            .join(' OR ')})`,
          userPatterns(id),
        )
      const sids = candidates
        .filter((row) => row.sid !== keepSid && sessionUserId(row.sess) === userId)
        .map((row) => row.sid)
      if (sids.length === 0) return 0
      return knex('sessions').whereIn('sid', sids).del()
    },
  }
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>
