import type { Knex } from 'knex'

// The language a response was given in (issue 19): the page's language when an officer last saved
// or submitted it, so a reviewer can read it as the officer did. NULL for responses from before.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responses', (t) => {
    t.string('locale', 10)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('responses', (t) => {
    t.dropColumn('locale')
  })
}
