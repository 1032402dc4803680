import type { Knex } from 'knex'

// A later deadline for one city in one survey year, with the administrator's reason.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('deadline_extensions', (t) => {
    t.increments('id').primary()
    t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
    t.integer('city_id').notNullable().references('cities.id').onDelete('CASCADE')
    t.string('closes_at', 32).notNullable()
    t.string('reason', 500).notNullable()
    t.integer('created_by').references('users.id')
    t.string('created_at', 32).notNullable()
    t.unique(['edition_id', 'city_id'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('deadline_extensions')
}
