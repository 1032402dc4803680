import { loadCommandConfig } from '../config'
import { createKnex } from '../db/knex'
import { migrateDownAll, migrateLatest } from '../db/migrate'

const command = process.argv[2] ?? 'latest'
const knex = createKnex(loadCommandConfig().database)
try {
  if (command === 'latest') {
    const applied = await migrateLatest(knex)
    console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Already up to date.')
  } else if (command === 'rollback') {
    await migrateDownAll(knex)
    console.log('Rolled back every migration.')
  } else {
    console.error(`Unknown command "${command}": use latest or rollback`)
    process.exitCode = 2
  }
} finally {
  await knex.destroy()
}
