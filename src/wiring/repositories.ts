import type { Knex } from 'knex'
import { usersRepository } from '../accounts/usersRepository'
import { auditRepository } from '../accounts/auditRepository'
import { accountsRepositories } from '../accounts/accountsRepositories'
import { citiesRepository } from '../cities/citiesRepository'
import { editionsRepository } from '../questionnaire/editionsRepository'
import { responsesRepository } from '../responses/responsesRepository'
import { definitionChangesRepository } from '../questionnaire/authoring/definitionChangesRepository'
import { answerUsageRepository } from '../questionnaire/authoring/answerUsageRepository'
import { reviewCommentsRepository } from '../responses/reviewCommentsRepository'
import { reviewRepositories } from '../review/reviewRepositories'
import { extensionsRepository } from '../review/extensionsRepository'
import { profilesRepository } from '../profiles/profilesRepository'
import { releasesRepository } from '../profiles/releasesRepository'
import { openDataRepository } from '../profiles/openDataRepository'
import { outboxRepository } from '../mail/outboxRepository'
import { mailRecipientsRepository } from '../mail/mailRecipientsRepository'
import { jobLocksRepository } from '../db/jobLocksRepository'
import { jobsRepository } from '../jobs/jobsRepository'
import { remindersRepository } from '../reminders/remindersRepository'
import { identityRepository } from '../identity/identityRepository'

/**
 * Every repository, built once over one knex instance (the only knex users). Only the app's
 * entry points (server.ts, app.ts, the CLI) and test/support import this file: each capability
 * declares the repositories it needs and is handed them from here.
 */
export function repositories(knex: Knex) {
  return {
    users: usersRepository(knex),
    audit: auditRepository(knex),
    ...accountsRepositories(knex),
    cities: citiesRepository(knex),
    editions: editionsRepository(knex),
    responses: responsesRepository(knex),
    definitionChanges: definitionChangesRepository(knex),
    answerUsage: answerUsageRepository(knex),
    reviewComments: reviewCommentsRepository(knex),
    review: reviewRepositories(knex),
    extensions: extensionsRepository(knex),
    profiles: profilesRepository(knex),
    releases: releasesRepository(knex),
    openData: openDataRepository(knex),
    outbox: outboxRepository(knex),
    mailRecipients: mailRecipientsRepository(knex),
    locks: jobLocksRepository(knex),
    jobs: jobsRepository(knex),
    reminders: remindersRepository(knex),
    identity: identityRepository(knex),
    async ping(): Promise<void> {
      await knex.raw('select 1')
    },
  }
}

export type Repositories = ReturnType<typeof repositories>
