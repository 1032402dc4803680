import type { Knex } from 'knex'

// Account-level audit trail: sign-ins, failures, lockouts, account changes, refusals.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.increments('id').primary()
    t.integer('actor_id').references('users.id')
    t.string('type', 60).notNullable()
    t.string('subject', 254)
    t.text('detail')
    t.string('ip', 64)
    t.string('created_at', 32).notNullable()
    t.index(['created_at'])
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log')
}
