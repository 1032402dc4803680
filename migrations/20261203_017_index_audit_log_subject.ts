import type { Knex } from 'knex'

// Failed sign-ins of an unknown email are counted by subject, as an account's are, for the lockout.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_log', (t) => {
    t.index(['subject', 'created_at'], 'audit_log_subject_created_at_index')
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('audit_log', (t) => {
    t.dropIndex(['subject', 'created_at'], 'audit_log_subject_created_at_index')
  })
}
