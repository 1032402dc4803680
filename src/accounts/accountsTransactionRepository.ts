import type { Knex } from 'knex'
import { usersRepository } from './usersRepository'
import { auditRepository } from './auditRepository'
import { passwordTokensRepository } from './passwordTokensRepository'
import { cityRequestsRepository } from './cityRequestsRepository'
import { citiesRepository } from '../cities/citiesRepository'
import { outboxRepository } from '../mail/outboxRepository'

/** The repositories an account change may write, all bound to one transaction. */
function bind(trx: Knex) {
  return {
    users: usersRepository(trx),
    audit: auditRepository(trx),
    passwordTokens: passwordTokensRepository(trx),
    cityRequests: cityRequestsRepository(trx),
    cities: citiesRepository(trx),
    outbox: outboxRepository(trx),
  }
}

export type AccountsTx = ReturnType<typeof bind>

/**
 * Runs account writes that belong together (a new account and its link; an approved city
 * request, its city, officer and link; each with its audit record and the mail it causes) as one transaction.
 * Services pass the logic in; only the repositories touch knex. Inside `fn` use only `tx`:
 * on SQLite the pool has one connection, which the transaction holds.
 */
export function accountsTransaction(knex: Knex) {
  return {
    run<T>(fn: (tx: AccountsTx) => Promise<T>): Promise<T> {
      return knex.transaction((trx) => fn(bind(trx)))
    },
  }
}

export type AccountsTransaction = ReturnType<typeof accountsTransaction>
