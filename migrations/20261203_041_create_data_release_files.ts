import type { Knex } from 'knex'

// Each open-data release's files as they were published, so earlier releases stay downloadable
// after corrections (/open-data/2020-release-1.csv).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('data_release_files', (t) => {
    t.increments('id').primary()
    t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
    t.integer('version').notNullable()
    t.string('name', 16).notNullable()
    t.text('content').notNullable()
    t.string('created_at', 32).notNullable()
    t.unique(['edition_id', 'version', 'name'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('data_release_files')
}
