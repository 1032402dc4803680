import type { Knex } from 'knex'

/** An officer's reply to a reviewer's comment (the thread under it). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('review_comment_replies', (t) => {
    t.increments('id').primary()
    t.integer('comment_id').notNullable().references('review_comments.id').onDelete('CASCADE')
    t.integer('author_id').references('users.id')
    t.text('body').notNullable()
    t.string('created_at', 32).notNullable()
    t.index(['comment_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('review_comment_replies')
}
