import type { Knex } from 'knex'

// The closing date becomes a deadline that holds: a time of day and a time zone, and the UTC
// instant they stand for (what the save check and the auto-close compare with).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('editions', (t) => {
    t.string('closes_time', 5).notNullable().defaultTo('23:59')
    t.string('time_zone', 64).notNullable().defaultTo('UTC')
    t.string('closes_at', 32)
  })
  for (const row of await knex('editions').whereNotNull('closes_on').select('id', 'closes_on'))
    await knex('editions')
      .where({ id: row.id })
      .update({ closes_at: `${row.closes_on}T23:59:00.000Z` })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('editions', (t) => {
    t.dropColumn('closes_at')
    t.dropColumn('time_zone')
    t.dropColumn('closes_time')
  })
}
