import type { CitiesRepository } from '../cities/citiesRepository'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import type { JobsRepository } from '../jobs/jobsRepository'
import type { OpenDataRepository } from './openDataRepository'
import type { ProfilesRepository } from './profilesRepository'
import type { ReleasesRepository } from './releasesRepository'
import type { EditionEvents } from '../shared/editionEvents'
import type { IdentitySource } from '../shared/identity'
import { browseService } from './browseService'
import { openDataService } from './openDataService'
import { profilePages } from './profilePages'
import { profileService } from './profileService'
import { resultsService } from './resultsService'

/** The repositories the public site's services use (the wiring hands over the real ones). */
export interface ProfileRepositories {
  editions: EditionsRepository
  cities: CitiesRepository
  profiles: ProfilesRepository
  releases: ReleasesRepository
  openData: OpenDataRepository
  jobs: JobsRepository
}

/**
 * The public site's services, wired once. Regeneration listens to edition changes (approval,
 * reopening, basis or definition change, publishing) so public pages are fresh when they return.
 */
export function profileServices(
  repos: ProfileRepositories,
  threshold: number,
  events: EditionEvents,
  identity: IdentitySource,
) {
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
    openData: openDataService(repos, threshold, identity),
    identity,
  }
}

export type ProfileServices = ReturnType<typeof profileServices>
