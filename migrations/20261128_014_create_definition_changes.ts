import type { Knex } from 'knex'

// Who changed an edition's questionnaire, when, and what.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('definition_changes', (t) => {
    t.increments('id').primary()
    t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
    t.integer('actor_id').references('users.id')
    t.string('summary', 500).notNullable()
    t.text('before_definition')
    t.string('created_at', 32).notNullable()
    t.index(['edition_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('definition_changes')
}
