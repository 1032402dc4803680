import type { Knex } from 'knex'

// Hit counters of the rate limiters (sign-in, forgot password), shared by every app process on the
// database: one row per limiter and client, counting until `reset_at` (epoch milliseconds).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rate_limit_hits', (t) => {
    t.string('client_key', 300).primary()
    t.integer('hits').notNullable()
    t.bigInteger('reset_at').notNullable().index()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('rate_limit_hits')
}
