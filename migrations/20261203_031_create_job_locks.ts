import type { Knex } from 'knex'

// Locks that one process at a time may hold (regenerating profiles, loading demo data), across every
// app and command-line process sharing the database. A holder renews `expires_at` (epoch
// milliseconds) while it works, so the lock of a process that died frees itself.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('job_locks', (t) => {
    t.string('name', 64).primary()
    t.string('holder', 128).notNullable()
    t.bigInteger('expires_at').notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('job_locks')
}
