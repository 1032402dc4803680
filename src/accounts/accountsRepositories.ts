import type { Knex } from 'knex'
import { passwordTokensRepository } from './passwordTokensRepository'
import { sessionsRepository } from './sessionsRepository'
import { cityRequestsRepository } from './cityRequestsRepository'
import { accountsTransaction } from './accountsTransactionRepository'

/** The accounts area's repositories beyond users and audit (spread into src/wiring/repositories.ts). */
export function accountsRepositories(knex: Knex) {
  return {
    passwordTokens: passwordTokensRepository(knex),
    sessions: sessionsRepository(knex),
    cityRequests: cityRequestsRepository(knex),
    accountsTransaction: accountsTransaction(knex),
  }
}
