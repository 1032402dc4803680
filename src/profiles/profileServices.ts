import type { Repositories } from '../dataAccess'
import type { EditionEvents } from '../shared/editionEvents'
import { browseService } from './browseService'
import { openDataService } from './openDataService'
import { profilePages } from './profilePages'
import { profileService } from './profileService'
import { resultsService } from './resultsService'

/**
 * The public site's services, wired once. Regeneration listens to edition changes (approval,
 * reopening, basis or definition change, publishing) so public pages are fresh when they return.
 */
export function profileServices(repos: Repositories, threshold: number, events: EditionEvents) {
  const pages = profilePages(repos)
  const regeneration = profileService(repos, threshold, () => pages.forget())
  events.subscribe(async (editionId, change, detail) => {
    await regeneration.onEditionChanged(editionId, change, detail)
  })
  const results = resultsService(repos)
  return {
    regeneration,
    pages,
    results,
    browse: browseService(repos, results),
    openData: openDataService(repos, threshold),
  }
}

export type ProfileServices = ReturnType<typeof profileServices>
