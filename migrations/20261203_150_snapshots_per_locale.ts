import type { Knex } from 'knex'

// Profiles and results in each language whose translation is complete (issue 19): a snapshot and an
// edition's aggregate per locale. Every row so far is English. The tables are remade with the
// locale in their key (SQLite cannot change a primary key in place); nothing references them.
const snapshots = (locale: boolean) => (t: Knex.CreateTableBuilder) => {
  t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
  t.integer('city_id').notNullable().references('cities.id').onDelete('CASCADE')
  if (locale) t.string('locale', 10).notNullable().defaultTo('en')
  t.text('content').notNullable()
  t.string('content_hash', 64).notNullable()
  t.string('generated_at', 32).notNullable()
  t.primary(locale ? ['edition_id', 'city_id', 'locale'] : ['edition_id', 'city_id'])
}

const aggregates = (locale: boolean) => (t: Knex.CreateTableBuilder) => {
  t.integer('edition_id').notNullable().references('editions.id').onDelete('CASCADE')
  if (locale) t.string('locale', 10).notNullable().defaultTo('en')
  t.text('content').notNullable()
  t.string('content_hash', 64).notNullable()
  t.string('generated_at', 32).notNullable()
  t.primary(locale ? ['edition_id', 'locale'] : ['edition_id'])
}

const common = ['edition_id', 'content', 'content_hash', 'generated_at']

async function remake(
  knex: Knex,
  table: string,
  build: (t: Knex.CreateTableBuilder) => void,
  columns: string[],
  onlyEnglish: boolean,
): Promise<void> {
  await knex.schema.createTable(`${table}_new`, build)
  const select = knex(table).select(columns)
  if (onlyEnglish) select.where({ locale: 'en' })
  await knex.into(knex.raw('?? (??)', [`${table}_new`, columns])).insert(select)
  await knex.schema.dropTable(table)
  await knex.schema.renameTable(`${table}_new`, table)
  // PostgreSQL keeps the key's index name through the rename, and index names are unique per
  // schema: without this, the next remake of the table (down, or up again) cannot create its key.
  if (knex.client.config.client === 'pg')
    await knex.raw('ALTER TABLE ?? RENAME CONSTRAINT ?? TO ??', [table, `${table}_new_pkey`, `${table}_pkey`])
}

export async function up(knex: Knex): Promise<void> {
  await remake(knex, 'profile_snapshots', snapshots(true), [...common, 'city_id'], false)
  await remake(knex, 'edition_aggregates', aggregates(true), common, false)
}

export async function down(knex: Knex): Promise<void> {
  await remake(knex, 'profile_snapshots', snapshots(false), [...common, 'city_id'], true)
  await remake(knex, 'edition_aggregates', aggregates(false), common, true)
}
