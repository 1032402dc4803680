import type { AuditRepository } from '../accounts/auditRepository'
import type { CitiesRepository } from '../cities/citiesRepository'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import type { ExtensionsRepository } from './extensionsRepository'
import type { ResponsesRepository } from '../responses/responsesRepository'
import type { ReviewRepositories } from './reviewRepositories'
import type { ReviewCommentsRepository } from '../responses/reviewCommentsRepository'
import type { UsersRepository } from '../accounts/usersRepository'
import type { ProfilesRepository } from '../profiles/profilesRepository'
import type { EditionEvents } from '../shared/editionEvents'
import type { IdentitySource } from '../shared/identity'
import type { Mail } from '../mail/mailServices'
import { cityAdminService } from './cityAdminService'
import { commentReplyService } from './commentReplyService'
import { editionAdminService } from './editionAdminService'
import { deadlineService } from './deadlineService'
import { exportService } from './exportService'
import { progressService } from './progressService'
import { responseReviewService } from './responseReviewService'
import { reviewActions } from './reviewActions'
import { reminderService } from '../reminders/reminderService'
import type { RemindersRepository } from '../reminders/remindersRepository'

/** The repositories the administration's services use (the wiring hands over the real ones). */
export interface ReviewServiceRepositories {
  editions: EditionsRepository
  review: ReviewRepositories
  audit: AuditRepository
  cities: CitiesRepository
  extensions: ExtensionsRepository
  users: UsersRepository
  responses: ResponsesRepository
  profiles: ProfilesRepository
  reviewComments: ReviewCommentsRepository
  reminders: RemindersRepository
}

/**
 * The administration's services, wired from the repositories it declares and the edition change hook.
 * `threshold`: the disclosure threshold, which the publish confirmation warns about.
 */
export function reviewServices(
  repos: ReviewServiceRepositories,
  events: EditionEvents,
  mail: Mail,
  threshold: number,
  identity: IdentitySource,
) {
  const reviewDeps = {
    responses: repos.responses,
    reviewComments: repos.reviewComments,
    editions: repos.editions,
    cities: repos.cities,
    users: repos.users,
    events,
    mail,
  }
  return {
    editions: editionAdminService({
      editions: repos.editions,
      editionAdmin: repos.review.editionAdmin,
      profiles: repos.profiles,
      audit: repos.audit,
      events,
      mail,
      threshold,
    }),
    deadlines: deadlineService({
      editions: repos.editions,
      extensions: repos.extensions,
      cities: repos.cities,
      audit: repos.audit,
    }),
    progress: progressService({
      editions: repos.editions,
      progress: repos.review.progress,
      extensions: repos.extensions,
      reminders: repos.reminders,
    }),
    responses: responseReviewService(reviewDeps),
    actions: reviewActions(reviewDeps),
    replies: commentReplyService(reviewDeps),
    cities: cityAdminService({
      cities: repos.cities,
      cityAdmin: repos.review.cityAdmin,
      users: repos.users,
      audit: repos.audit,
    }),
    reminders: reminderService({
      editions: repos.editions,
      reminders: repos.reminders,
      audit: repos.audit,
      notify: mail.notify,
    }),
    exports: exportService({ editions: repos.editions, exports: repos.review.exports, identity }),
  }
}

export type ReviewServices = ReturnType<typeof reviewServices>
