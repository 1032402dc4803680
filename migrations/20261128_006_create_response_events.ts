import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('response_events', (t) => {
    t.increments('id').primary()
    t.integer('response_id').notNullable().references('responses.id').onDelete('CASCADE')
    t.integer('actor_id').references('users.id')
    t.string('type', 40).notNullable()
    t.string('page_key', 120)
    t.text('data')
    t.string('created_at', 32).notNullable()
    t.index(['response_id', 'id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('response_events')
}
