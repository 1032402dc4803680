import type { Knex } from 'knex'

// The corrections log names what changed: the city, the question and the administrator's reason,
// as JSON beside the release's note (null for releases that carry none).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('data_releases', (t) => {
    t.text('detail').nullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('data_releases', (t) => {
    t.dropColumn('detail')
  })
}
