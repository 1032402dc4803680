import type { Knex } from 'knex'

// One-off jobs (profile regeneration of a survey year) in the `jobs` table: a request adds one to
// `requests`; a run notes the count it saw when it claimed the job (`requests_claimed`) and, when it
// succeeds, marks those as done (`requests_done`). The job is pending while requests > requests_done,
// so requests made while a run is under way make it run once more, and any number of requests
// while it waits make one run.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.integer('requests').notNullable().defaultTo(0)
    t.integer('requests_claimed')
    t.integer('requests_done').notNullable().defaultTo(0)
  })
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.dropColumn('requests_done')
    t.dropColumn('requests_claimed')
    t.dropColumn('requests')
  })
}
