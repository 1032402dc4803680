import type { Knex } from 'knex'

// Per-edition results (counts and charts), drawn once per edition and question.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('edition_aggregates', (t) => {
    t.integer('edition_id').primary().references('editions.id').onDelete('CASCADE')
    t.text('content').notNullable()
    t.string('content_hash', 64).notNullable()
    t.string('generated_at', 32).notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('edition_aggregates')
}
