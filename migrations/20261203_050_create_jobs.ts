import type { Knex } from 'knex'

// Recurring jobs (mail sender, auto-close, reminders) and their state, so that a restart or a
// second instance carries on where the last run left off. A runner claims a due row by setting
// claimed_by and locked_until (its lease); a row whose lease ran out is due again. Times are ISO
// strings like every other table's.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('jobs', (t) => {
    t.string('name', 64).primary()
    t.integer('every_ms').notNullable()
    t.string('next_run_at', 32).notNullable()
    t.string('claimed_by', 128)
    t.string('locked_until', 32)
    // Failed runs in a row; 0 after a success. Decides the backoff.
    t.integer('attempts').notNullable().defaultTo(0)
    t.string('last_started_at', 32)
    t.string('last_finished_at', 32)
    t.integer('last_duration_ms')
    t.string('last_outcome', 10)
    t.text('last_result')
    t.text('last_error')
    t.index(['next_run_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('jobs')
}
