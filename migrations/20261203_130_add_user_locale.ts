import type { Knex } from 'knex'

// The interface language a user chose (issue 19): NULL until they choose, then the site follows it
// on every device they sign in on.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('locale', 10)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('locale')
  })
}
