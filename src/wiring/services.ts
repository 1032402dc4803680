import type { Config } from '../config'
import type { Repositories } from './repositories'
import { authService } from '../accounts/authService'
import { accountsServices } from '../accounts/accountsServices'
import { homeService } from '../profiles/homeService'
import { collectionService } from '../collection/collectionService'
import { profileServices } from '../profiles/profileServices'
import { editionEvents } from '../shared/editionEvents'
import { questionnaireAuthoring } from '../questionnaire/authoring'
import { reviewServices } from '../review/reviewServices'
import { mailServices } from '../mail/mailServices'
import { jobsService } from '../jobs/jobsService'
import { identityService } from '../identity/identityService'

/** Every service, wired by plain factory functions (no container). */
export function services(config: Config, repos: Repositories) {
  const events = editionEvents()
  const identity = identityService(
    { identity: repos.identity, editions: repos.editions, audit: repos.audit },
    config.identity,
  )
  const profiles = profileServices(repos, config.disclosureThreshold, events, identity)
  const { mail, outbox } = mailServices(config, repos)
  return {
    repos,
    config,
    events,
    auth: authService({
      users: repos.users,
      audit: repos.audit,
      maxFailures: config.login.maxFailures,
      lockoutMinutes: config.login.lockoutMinutes,
    }),
    profiles,
    home: homeService(repos, profiles),
    collection: collectionService(repos, mail),
    authoring: questionnaireAuthoring(repos, events, config.disclosureThreshold),
    review: reviewServices(repos, events, mail, config.disclosureThreshold, identity),
    identity,
    outbox,
    jobs: jobsService({ jobs: repos.jobs, audit: repos.audit }),
    ...accountsServices(repos, mail),
  }
}

export type Services = ReturnType<typeof services>
