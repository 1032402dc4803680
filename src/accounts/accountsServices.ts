import type { AccountsTransaction } from './accountsTransactionRepository'
import type { AuditRepository } from './auditRepository'
import type { CitiesRepository } from '../cities/citiesRepository'
import type { CityRequestsRepository } from './cityRequestsRepository'
import type { PasswordTokensRepository } from './passwordTokensRepository'
import type { SessionsRepository } from './sessionsRepository'
import type { UsersRepository } from './usersRepository'
import { accountService } from './accountService'
import { passwordLinkService } from './passwordLinkService'
import { accountAdminService } from './accountAdminService'
import { cityRequestService } from './cityRequestService'
import { cityImportService } from './cityImport/cityImportService'
import type { Mail } from '../mail/mailServices'
import { passwordResetService } from './passwordResetService'

/** The repositories the accounts area's services use (the wiring hands over the real ones). */
export interface AccountsRepositories {
  users: UsersRepository
  cities: CitiesRepository
  audit: AuditRepository
  sessions: SessionsRepository
  passwordTokens: PasswordTokensRepository
  cityRequests: CityRequestsRepository
  accountsTransaction: AccountsTransaction
}

/** The accounts area's services beyond sign-in (spread into services()). */
export function accountsServices(repos: AccountsRepositories, mail: Mail) {
  const {
    users,
    cities,
    audit,
    sessions,
    passwordTokens,
    cityRequests,
    accountsTransaction: transaction,
  } = repos
  return {
    accounts: accountService({ users, cities, sessions, audit }),
    passwordLinks: passwordLinkService({ users, passwordTokens, sessions, transaction }),
    accountAdmin: accountAdminService({
      users,
      cities,
      passwordTokens,
      sessions,
      audit,
      transaction,
      notify: mail.notify,
    }),
    passwordResets: passwordResetService({ users, transaction, notify: mail.notify }),
    cityRequests: cityRequestService({ cityRequests, cities, users, transaction, mail }),
    cityImport: cityImportService({ users, cities, transaction, notify: mail.notify }),
  }
}

export type AccountsServices = ReturnType<typeof accountsServices>
