import express, { type Router } from 'express'
import type { Config } from '../config'
import type { AccountsServices } from './accountsServices'
import { requireAdmin } from './guards'
import { accountRoutes } from './accountRoutes'
import { setPasswordRoutes } from './setPasswordRoutes'
import { userAdminRoutes } from './userAdminRoutes'
import { cityRequestRoutes } from './cityRequestRoutes'
import { cityImportRoutes } from './cityImport/cityImportRoutes'
import { forgotPasswordRoutes } from './forgotPasswordRoutes'
import type { RateLimitStores } from '../rateLimit/rateLimitStores'

/** Every accounts page. Everything under /admin, whoever serves it, is for administrators only. */
export function accountsRoutes(
  services: AccountsServices,
  config: Pick<Config, 'login' | 'publicBaseUrl'>,
  rateLimits: RateLimitStores,
): Router {
  const router = express.Router()
  router.use('/admin', requireAdmin)
  router.use(accountRoutes(services.accounts))
  router.use(setPasswordRoutes(services.passwordLinks))
  router.use(forgotPasswordRoutes(services.passwordResets, config.login.resetRatePerHour, rateLimits))
  router.use(userAdminRoutes(services.accountAdmin, config.publicBaseUrl))
  router.use(cityRequestRoutes(services.cityRequests))
  router.use(cityImportRoutes(services.cityImport))
  return router
}
