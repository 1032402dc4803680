// Child process: regenerates one edition's profiles in a database file and prints
// {"ms": …, "peakMb": …, "baseMb": …}. Alone in its process, so the peak is its own.
import { createKnex } from '../../src/db/knex'
import { repositories } from '../../src/wiring/repositories'
import { regeneration } from './features'

const [file, year] = process.argv.slice(2)
const knex = createKnex({ client: 'sqlite3', filename: file })
try {
  const edition = await repositories(knex).editions.findByYear(Number(year))
  if (!edition) throw new Error(`No ${year} edition in ${file}`)
  const regenerate = regeneration(knex)
  const baseMb = process.memoryUsage().rss / 2 ** 20
  const started = performance.now()
  await regenerate.regenerateEdition(edition.id)
  const ms = performance.now() - started
  console.log(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, baseMb }))
} finally {
  await knex.destroy()
}
