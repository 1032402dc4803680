import type { Knex } from 'knex'

// Every reminder sent to a city. A scheduled one carries its day (days_before) and is unique per
// (edition, city, day): the row is inserted in the transaction that queues the mail, so a restart or a
// second instance cannot send it twice. One sent by an administrator has no day (NULLs never clash).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('reminders_sent', (t) => {
    t.increments('id').primary()
    t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
    t.integer('city_id').notNullable().references('cities.id').onDelete('CASCADE')
    t.integer('days_before')
    t.integer('sent_by').references('users.id').onDelete('SET NULL')
    t.integer('messages').notNullable()
    t.string('sent_at', 32).notNullable()
    t.unique(['edition_id', 'city_id', 'days_before'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('reminders_sent')
}
