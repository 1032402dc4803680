import type { ProfileServices } from './profileServices'

export function homeService(
  repos: { ping(): Promise<void> },
  profiles: Pick<ProfileServices, 'results' | 'browse'>,
) {
  return {
    /**
     * The home page: the headline figures of the latest published edition that has figures (one
     * published with fewer cities than the disclosure threshold has none), and every city with a profile.
     */
    async overview(locale = 'en') {
      const [published, { cities }] = await Promise.all([
        profiles.results.published(locale),
        profiles.browse.publishedCities(),
      ])
      const latest = published.find((aggregate) => !aggregate.basis.suppressed) ?? published[0]
      return { latest, years: published.map((aggregate) => aggregate.year), cities }
    },
    /** Throws when the database does not answer. */
    health: () => repos.ping(),
  }
}

export type HomeService = ReturnType<typeof homeService>
