import type { Knex } from 'knex'

// Reminder settings of a survey year: the days before the deadline ("14,3") and whether they are
// switched on (off until an administrator has seen who would get them).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('edition_reminders', (t) => {
    t.integer('edition_id').primary().references('editions.id').onDelete('CASCADE')
    t.string('days', 100).notNullable()
    t.boolean('enabled').notNullable().defaultTo(false)
    t.string('updated_at', 32).notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('edition_reminders')
}
