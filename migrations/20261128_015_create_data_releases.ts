import type { Knex } from 'knex'

// Open-data release versions and the corrections log of each published edition.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('data_releases', (t) => {
    t.increments('id').primary()
    t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
    t.integer('version').notNullable()
    t.text('note').notNullable()
    t.string('created_at', 32).notNullable()
    t.unique(['edition_id', 'version'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('data_releases')
}
