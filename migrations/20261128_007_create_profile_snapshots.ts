import type { Knex } from 'knex'

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('profile_snapshots', (t) => {
    t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
    t.integer('city_id').notNullable().references('cities.id').onDelete('CASCADE')
    t.text('content').notNullable()
    t.string('content_hash', 64).notNullable()
    t.string('generated_at', 32).notNullable()
    t.primary(['edition_id', 'city_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('profile_snapshots')
}
