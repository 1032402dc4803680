import type { Knex } from 'knex'

// The survey's identity as the administrator set it (/admin/settings): one row (id 1). A NULL
// field is not set here, so the environment's value (or the innovation survey's default) applies.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('site_identity', (t) => {
    t.integer('id').primary()
    t.string('survey_name', 80)
    t.string('description', 300)
    t.string('footer_about', 200)
    t.string('profile_title', 60)
    t.string('unit_singular', 40)
    t.string('unit_plural', 40)
    t.string('file_prefix', 60)
    t.string('pdf_title', 80)
    t.integer('updated_by').references('users.id').onDelete('SET NULL')
    t.string('updated_at', 32).notNullable()
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('site_identity')
}
