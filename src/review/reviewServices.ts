import type { Repositories } from '../dataAccess'
import type { EditionEvents } from '../shared/editionEvents'
import { cityAdminService } from './cityAdminService'
import { commentReplyService } from './commentReplyService'
import { editionAdminService } from './editionAdminService'
import { exportService } from './exportService'
import { progressService } from './progressService'
import { responseReviewService } from './responseReviewService'
import { reviewActions } from './reviewActions'

/** The administration's services, wired from the shared repositories and the edition change hook. */
export function reviewServices(repos: Repositories, events: EditionEvents) {
  const reviewDeps = { ...repos, events }
  return {
    editions: editionAdminService({
      editions: repos.editions,
      editionAdmin: repos.review.editionAdmin,
      audit: repos.audit,
      events,
    }),
    progress: progressService({ editions: repos.editions, progress: repos.review.progress }),
    responses: responseReviewService(reviewDeps),
    actions: reviewActions(reviewDeps),
    replies: commentReplyService(reviewDeps),
    cities: cityAdminService({
      cities: repos.cities,
      cityAdmin: repos.review.cityAdmin,
      users: repos.users,
      audit: repos.audit,
    }),
    exports: exportService({ editions: repos.editions, exports: repos.review.exports }),
  }
}

export type ReviewServices = ReturnType<typeof reviewServices>
