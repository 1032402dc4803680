import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('review_comments', (t) => {
    t.increments('id').primary()
    t.integer('response_id').notNullable().references('responses.id').onDelete('CASCADE')
    // Null for the overall comment.
    t.string('question_key', 120)
    t.integer('author_id').references('users.id')
    t.text('body').notNullable()
    t.string('created_at', 32).notNullable()
    t.string('resolved_at', 32)
    t.index(['response_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('review_comments')
}
