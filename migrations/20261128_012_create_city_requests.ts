import type { Knex } from 'knex'

// "Add your city" requests from the public form.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('city_requests', (t) => {
    t.increments('id').primary()
    t.string('city_name', 200).notNullable()
    t.string('country', 120).notNullable()
    t.string('contact_name', 200).notNullable()
    t.string('email', 254).notNullable()
    t.string('contact_role', 200).notNullable()
    t.string('status', 20).notNullable().defaultTo('pending')
    t.text('decision_reason')
    t.integer('decided_by').references('users.id')
    t.string('decided_at', 32)
    t.string('created_at', 32).notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('city_requests')
}
