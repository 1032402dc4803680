import path from 'node:path'
import express, { type Express } from 'express'
import ejs from 'ejs'
import type { Knex } from 'knex'
import type { Logger } from 'pino'
import type { Config } from './config'
import type { Services } from './wiring/services'
import { setUpWebSecurity } from './middleware/setUpWebSecurity'
import { setUpStaticResources } from './middleware/setUpStaticResources'
import { setUpSession } from './middleware/setUpSession'
import { setUpCsrf } from './middleware/setUpCsrf'
import { exceptAnonymousPublicReads } from './middleware/publicReads'
import { onlyUnder } from './middleware/onlyUnder'
import { setUpLogging } from './middleware/setUpLogging'
import { errorHandler, notFoundHandler } from './middleware/errorHandler'
import { setUpAuthentication } from './accounts/setUpAuthentication'
import { loginRoutes } from './accounts/loginRoutes'
import { accountsRoutes } from './accounts/accountsRoutes'
import { publicRoutes } from './profiles/publicRoutes'
import { profileRevalidation } from './profiles/profileRevalidation'
import { pageCache } from './profiles/pageCache'
import { publicPrefixes } from './web/publicPaths'
import { authoringRoutes } from './questionnaire/authoring/authoringRoutes'
import { reviewRoutes } from './review/reviewRoutes'
import { collectionRoutes } from './collection/collectionRoutes'
import { outboxRoutes } from './mail/outboxRoutes'
import { jobsRoutes } from './jobs/jobsRoutes'
import { viewHelpers } from './shared/viewHelpers'
import { questionForm } from './questionnaire/formCodec'
import { isolatedPartial } from './shared/isolatedPartial'
import { flashLocals } from './web/flash'
import { databaseStores, type RateLimitStores } from './rateLimit/rateLimitStores'
import { adminPaths } from './web/adminPaths'
import { identityLocals } from './identity/identityLocals'
import { identityRoutes } from './identity/identityRoutes'
import { setUpLocale } from './middleware/setUpLocale'
import { english } from './i18n/catalogues'

export interface AppDeps {
  config: Config
  knex: Knex
  services: Services
  logger?: Logger
  /** Where the rate limiters count; by default the database (see rateLimitStores). */
  rateLimits?: RateLimitStores
}

/** Builds the Express app without listening, so tests drive it with supertest. */
export function createApp({ config, knex, services, logger, rateLimits }: AppDeps): Express {
  const limits = rateLimits ?? databaseStores(knex)
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', config.trustProxy)
  const views = path.resolve(import.meta.dirname, '../views')
  app.set('views', views)
  // Views include each other by absolute path from this root: EJS resolves a relative include
  // with a file-system check on every render, even with the view cache on. EJS copies the data
  // for every include, so Express's own keys (settings, _locals, cache), which no view reads,
  // are left out.
  app.engine('ejs', (file, options, done) => {
    const { settings: _settings, _locals, cache: _cache, ...data } = options as ejs.Data
    ejs.renderFile(file, data, { root: views, cache: config.viewCache }, done)
  })
  app.set('view engine', 'ejs')
  app.set('view cache', config.viewCache)
  // questionForm (ids, values and options for the question partials, views/questions) is the
  // questionnaire's: registered here so the shared helpers do not import the questionnaire.
  // adminPaths builds every administration link, so views never hand-build an /admin URL.
  const helpers = { ...viewHelpers, questionForm, adminPaths }
  Object.assign(app.locals, helpers)
  // English unless setUpLocale chose another language for the request (res.locals): the public
  // pages rendered once for everyone (pageCache) are rendered with these.
  app.locals.t = english
  app.locals.lang = 'en'
  app.locals.contactEmail = config.contactEmail
  // The environment's identity, for a page rendered before identityLocals has read the settings
  // (an error while reading them); every other page gets the current one as res.locals.identity.
  app.locals.identity = config.identity
  // Absolute addresses printed on paper (the PDF's source line), never from the Host header.
  app.locals.publicBaseUrl = config.publicBaseUrl
  // The public pages' rendered fragments and ETags: this app's own, not the process's.
  const pages = pageCache(views)
  app.locals.partial = isolatedPartial(views, config.viewCache, helpers)

  app.get('/healthz', async (_req, res) => {
    await services.home.health()
    res.json({ status: 'ok' })
  })
  // Behind their prefixes, so a page or a revalidation passes none of the asset routers' layers.
  app.use(
    onlyUnder(
      ['/assets', '/favicon.ico'],
      setUpStaticResources({ fromMemory: config.viewCache, prepareNow: config.env === 'production' }),
    ),
  )
  if (logger && logger.isLevelEnabled('info')) app.use(setUpLogging(logger))
  app.use(identityLocals(services.identity))
  app.use(profileRevalidation(services.profiles, pages))
  app.use(setUpWebSecurity())
  app.use(exceptAnonymousPublicReads(setUpSession(config, knex)))
  app.use(exceptAnonymousPublicReads(setUpAuthentication(services.auth)))
  app.use(setUpLocale((userId, locale) => services.accounts.chooseLocale(userId, locale)))
  app.use(setUpCsrf())
  app.use((req, res, next) => {
    res.locals.currentPath = req.path
    next()
  })
  app.use(flashLocals)

  // The most-read pages first, each behind its own paths, so a request passes few route layers.
  app.use(onlyUnder(publicPrefixes, publicRoutes(services.home, services.profiles, pages)))
  app.use(onlyUnder(['/survey'], collectionRoutes(services.collection, services.review.replies)))
  app.use(loginRoutes(config, limits))
  app.use(accountsRoutes(services, config, limits))
  app.use(authoringRoutes(services.authoring))
  app.use(reviewRoutes(services.review))
  app.use(outboxRoutes(services.outbox))
  app.use(jobsRoutes(services.jobs))
  app.use(identityRoutes(services.identity))

  app.use(notFoundHandler)
  app.use(errorHandler(config.env === 'production'))
  return app
}
