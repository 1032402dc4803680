import path from 'node:path'
import express, { type Express } from 'express'
import ejs from 'ejs'
import type { Knex } from 'knex'
import type { Logger } from 'pino'
import type { Config } from './config'
import type { Services } from './services'
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
import { profileRevalidation } from './profiles/cityRoutes'
import { authoringRoutes } from './questionnaire/authoring/authoringRoutes'
import { reviewRoutes } from './review/reviewRoutes'
import { collectionRoutes } from './collection/collectionRoutes'
import { outboxRoutes } from './mail/outboxRoutes'
import { jobsRoutes } from './jobs/jobsRoutes'
import { viewHelpers } from './shared/viewHelpers'
import { isolatedPartial } from './shared/isolatedPartial'

export interface AppDeps {
  config: Config
  knex: Knex
  services: Services
  logger?: Logger
}

/** Builds the Express app without listening, so tests drive it with supertest. */
export function createApp({ config, knex, services, logger }: AppDeps): Express {
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
  Object.assign(app.locals, viewHelpers)
  app.locals.partial = isolatedPartial(views, config.viewCache, viewHelpers)

  app.get('/healthz', async (_req, res) => {
    await services.home.health()
    res.json({ status: 'ok' })
  })
  app.use(setUpStaticResources())
  if (logger && logger.isLevelEnabled('info')) app.use(setUpLogging(logger))
  app.use(profileRevalidation(services))
  app.use(setUpWebSecurity())
  app.use(exceptAnonymousPublicReads(setUpSession(config, knex)))
  app.use(exceptAnonymousPublicReads(setUpAuthentication(services.auth)))
  app.use(setUpCsrf())
  app.use((req, res, next) => {
    res.locals.currentPath = req.path
    if (req.session?.flash) {
      res.locals.flash = req.session.flash
      delete req.session.flash
    }
    next()
  })

  // The most-read pages first, each behind its own paths, so a request passes few route layers.
  app.use(onlyUnder(['/', '/cities', '/results', '/open-data'], publicRoutes(services)))
  app.use(onlyUnder(['/survey'], collectionRoutes(services)))
  app.use(loginRoutes(config))
  app.use(accountsRoutes(services))
  app.use(authoringRoutes(services))
  app.use(reviewRoutes(services))
  app.use(outboxRoutes(services.outbox))
  app.use(jobsRoutes(services.jobs))

  app.use(notFoundHandler)
  app.use(errorHandler(config.env === 'production'))
  return app
}
