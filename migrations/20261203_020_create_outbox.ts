import type { Knex } from 'knex'

// Every email, written in the same transaction as the change that causes it; a sender
// delivers it later. A sender claims a row by setting claimed_by and locked_until (its lease).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox', (t) => {
    t.increments('id').primary()
    t.string('kind', 40).notNullable()
    t.string('recipient', 254).notNullable()
    t.integer('city_id').references('cities.id').onDelete('SET NULL')
    t.string('subject', 300).notNullable()
    t.text('text_body').notNullable()
    t.text('html_body').notNullable()
    t.string('status', 20).notNullable().defaultTo('queued')
    t.integer('attempts').notNullable().defaultTo(0)
    t.string('next_attempt_at', 32).notNullable()
    t.string('locked_until', 32)
    t.string('claimed_by', 100)
    t.text('last_error')
    t.string('sent_at', 32)
    t.string('created_at', 32).notNullable()
    t.index(['status', 'next_attempt_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbox')
}
