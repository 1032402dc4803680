import type { Knex } from 'knex'

// One-time set-password links; only a hash of the token is stored.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('password_tokens', (t) => {
    t.string('token_hash', 64).primary()
    t.integer('user_id').notNullable().references('users.id').onDelete('CASCADE')
    t.string('expires_at', 32).notNullable()
    t.string('used_at', 32)
    t.string('created_at', 32).notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('password_tokens')
}
