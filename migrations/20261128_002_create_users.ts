import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.increments('id').primary()
    t.string('email', 254).notNullable().unique()
    t.string('display_name', 200).notNullable()
    t.string('password_hash', 200)
    t.string('role', 20).notNullable()
    t.integer('city_id').references('cities.id').onDelete('RESTRICT')
    t.integer('failed_logins').notNullable().defaultTo(0)
    t.string('locked_until', 32)
    t.string('disabled_at', 32)
    t.boolean('is_demo').notNullable().defaultTo(false)
    t.string('created_at', 32).notNullable()
    t.string('password_changed_at', 32)
    t.index(['city_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('users')
}
