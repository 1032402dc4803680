import { parseArgs } from 'node:util'
import cliProgress from 'cli-progress'
import { loadCommandConfig } from '../config'
import { createKnex } from '../db/knex'
import { repositories } from '../wiring/repositories'
import { profileService } from '../profiles/profileService'

/**
 * `npm run profiles:regenerate -- --year 2020` (or `--all` for every published year): rebuilds an
 * edition's aggregates and every profile snapshot, with a progress bar per edition.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { year: { type: 'string' }, all: { type: 'boolean', default: false } },
  })
  const config = loadCommandConfig()
  const knex = createKnex(config.database)
  try {
    const repos = repositories(knex)
    const editions = await repos.editions.list()
    const chosen = values.all
      ? editions.filter((e) => e.status === 'published').reverse()
      : editions.filter((e) => String(e.year) === values.year)
    if (chosen.length === 0) {
      console.error(
        values.all
          ? 'No survey year is published.'
          : `Give a survey year with --year, one of: ${editions.map((e) => e.year).join(', ') || 'none yet'}`,
      )
      process.exitCode = 2
      return
    }
    const service = profileService(repos, config.disclosureThreshold, undefined, () =>
      console.log('Another process is regenerating profiles: waiting for it to finish…'),
    )
    for (const edition of chosen) {
      const bar = new cliProgress.SingleBar(
        { format: `${edition.year} [{bar}] {value}/{total} profiles`, hideCursor: true },
        cliProgress.Presets.shades_classic,
      )
      bar.start(1, 0)
      const result = await service.regenerateEdition(edition.id, (done, total) => {
        bar.setTotal(total)
        bar.update(done)
      })
      bar.stop()
      console.log(
        `${edition.year}: ${result.profiles} profiles compared with ${result.basisSize} cities (basis "${edition.basis}") in ${result.milliseconds} ms.`,
      )
    }
  } finally {
    await knex.destroy()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
