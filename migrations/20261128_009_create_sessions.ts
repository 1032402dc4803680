import type { Knex } from 'knex'

// The layout connect-session-knex expects; created here so the store runs with createTable: false.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sessions', (t) => {
    t.string('sid', 255).primary()
    t.json('sess').notNullable()
    t.timestamp('expired').notNullable().index()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('sessions')
}
