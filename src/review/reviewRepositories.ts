import type { Knex } from 'knex'
import { cityAdminRepository } from './cityAdminRepository'
import { editionAdminRepository } from './editionAdminRepository'
import { exportRepository } from './exportRepository'
import { progressRepository } from './progressRepository'

/** The administration's own queries, one entry in the wiring (src/wiring/repositories.ts). */
export function reviewRepositories(knex: Knex) {
  return {
    editionAdmin: editionAdminRepository(knex),
    progress: progressRepository(knex),
    cityAdmin: cityAdminRepository(knex),
    exports: exportRepository(knex),
  }
}

export type ReviewRepositories = ReturnType<typeof reviewRepositories>
