import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('editions', (t) => {
    t.increments('id').primary()
    t.integer('year').notNullable().unique()
    t.string('title', 200).notNullable()
    t.string('status', 20).notNullable().defaultTo('draft')
    t.string('opens_on', 10)
    t.string('closes_on', 10)
    t.text('definition').notNullable()
    t.string('basis', 20).notNullable().defaultTo('approved')
    t.integer('copied_from_year')
    t.integer('data_release').notNullable().defaultTo(0)
    t.string('published_at', 32)
    t.string('created_at', 32).notNullable()
    t.string('updated_at', 32).notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('editions')
}
