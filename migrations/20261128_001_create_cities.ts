import type { Knex } from 'knex'

// Timestamps are ISO-8601 strings throughout: they sort correctly and read back
// identically on SQLite and PostgreSQL (the drivers disagree on Date columns).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('cities', (t) => {
    t.increments('id').primary()
    t.string('slug', 120).notNullable().unique()
    t.string('name', 200).notNullable()
    t.string('country', 120).notNullable()
    t.string('iso3', 3).notNullable()
    t.string('region', 60).notNullable()
    t.double('latitude')
    t.double('longitude')
    t.bigInteger('population')
    t.string('created_at', 32).notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('cities')
}
