import type { Knex } from 'knex'

// Long format (one row per response, question and option) so an edition's
// aggregates are a single GROUP BY.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('answers', (t) => {
    t.integer('response_id').notNullable().references('responses.id').onDelete('CASCADE')
    t.string('question_key', 120).notNullable()
    t.string('option_key', 120).notNullable().defaultTo('')
    t.text('value_text')
    t.double('value_number')
    t.text('note')
    t.boolean('prefilled').notNullable().defaultTo(false)
    t.integer('updated_by').references('users.id')
    t.string('updated_at', 32).notNullable()
    t.primary(['response_id', 'question_key', 'option_key'])
    t.index(['question_key', 'option_key'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('answers')
}
