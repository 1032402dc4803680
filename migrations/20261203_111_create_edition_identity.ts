import type { Knex } from 'knex'

// A survey year's own identity where it differs from the site's (a year run under another name,
// unit word or file prefix): one row per edition, a NULL field takes the site's value.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('edition_identity', (t) => {
    t.integer('edition_id').primary().references('editions.id').onDelete('CASCADE')
    t.string('survey_name', 80)
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
  await knex.schema.dropTable('edition_identity')
}
