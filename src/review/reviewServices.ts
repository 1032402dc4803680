import type { Repositories } from '../dataAccess'
import type { EditionEvents } from '../shared/editionEvents'
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

/** The administration's services, wired from the shared repositories and the edition change hook. */
export function reviewServices(repos: Repositories, events: EditionEvents, mail: Mail) {
  const reviewDeps = { ...repos, events, mail }
  return {
    editions: editionAdminService({
      editions: repos.editions,
      editionAdmin: repos.review.editionAdmin,
      audit: repos.audit,
      events,
      mail,
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
    exports: exportService({ editions: repos.editions, exports: repos.review.exports }),
  }
}

export type ReviewServices = ReturnType<typeof reviewServices>
