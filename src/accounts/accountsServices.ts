import type { Repositories } from '../dataAccess'
import { accountService } from './accountService'
import { passwordLinkService } from './passwordLinkService'
import { accountAdminService } from './accountAdminService'
import { cityRequestService } from './cityRequestService'
import { cityImportService } from './cityImport/cityImportService'
import type { Mail } from '../mail/mailServices'
import { passwordResetService } from './passwordResetService'

/** The accounts area's services beyond sign-in (spread into services()). */
export function accountsServices(repos: Repositories, mail: Mail) {
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
