import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'
import type { Knex } from 'knex'
import { rawRows } from '../db/dialect'

const TABLE = 'rate_limit_hits'

interface HitsRow {
  hits: number | string
  reset_at: number | string
}

const info = (row: HitsRow): ClientRateLimitInfo => ({
  totalHits: Number(row.hits),
  resetTime: new Date(Number(row.reset_at)),
})

/**
 * An express-rate-limit store over a table, so every app process on the database counts the same
 * hits. An increment is one statement (an upsert that starts a new window when the old one has
 * passed), atomic on SQLite and PostgreSQL alike: two processes never both read 4 and write 5.
 * Rows of past windows are deleted by the increments themselves, at most once a window per
 * process, so the store has no timer to stop.
 */
export class DatabaseStore implements Store {
  readonly localKeys = false
  private windowMs = 60_000
  private lastSweep = 0

  constructor(
    private readonly knex: Knex,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const row = (await this.knex(TABLE)
      .where({ client_key: this.prefix + key })
      .andWhere('reset_at', '>', Date.now())
      .first('hits', 'reset_at')) as HitsRow | undefined
    return row && info(row)
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const now = Date.now()
    await this.sweep(now)
    // Every expression of the update sees the row as it was, so both CASEs test the old window.
    const [row] = await rawRows<HitsRow>(
      this.knex,
      `insert into ${TABLE} (client_key, hits, reset_at) values (?, 1, ?)
       on conflict (client_key) do update set
         hits = case when ${TABLE}.reset_at <= ? then 1 else ${TABLE}.hits + 1 end,
         reset_at = case when ${TABLE}.reset_at <= ? then excluded.reset_at else ${TABLE}.reset_at end
       returning hits, reset_at`,
      [this.prefix + key, now + this.windowMs, now, now],
    )
    return info(row)
  }

  async decrement(key: string): Promise<void> {
    await this.knex(TABLE)
      .where({ client_key: this.prefix + key })
      .andWhere('hits', '>', 0)
      .decrement('hits', 1)
  }

  async resetKey(key: string): Promise<void> {
    await this.knex(TABLE)
      .where({ client_key: this.prefix + key })
      .delete()
  }

  private async sweep(now: number): Promise<void> {
    if (now - this.lastSweep < this.windowMs) return
    this.lastSweep = now
    await this.knex(TABLE).where('reset_at', '<=', now).delete()
  }
}
