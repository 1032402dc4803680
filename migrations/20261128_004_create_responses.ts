import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('responses', (t) => {
    t.increments('id').primary()
    t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
    t.integer('city_id').notNullable().references('cities.id').onDelete('CASCADE')
    t.string('status', 20).notNullable().defaultTo('in_progress')
    // Optimistic locking: every page save bumps it; a save from a stale version is refused.
    t.integer('version').notNullable().defaultTo(0)
    t.string('submitted_at', 32)
    t.integer('submitted_by').references('users.id')
    t.string('submitted_by_name', 200)
    t.string('approved_at', 32)
    t.integer('updated_by').references('users.id')
    t.string('created_at', 32).notNullable()
    t.string('updated_at', 32).notNullable()
    t.unique(['edition_id', 'city_id'])
    t.index(['edition_id', 'status'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('responses')
}
