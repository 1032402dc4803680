import type { ProfileServices } from './profileServices'

export function homeService(
  repos: { ping(): Promise<void> },
  profiles: Pick<ProfileServices, 'results' | 'browse'>,
) {
  return {
    /** The home page: the latest published edition's headline figures, and every city with a profile. */
    async overview() {
      const [published, { cities }] = await Promise.all([
        profiles.results.published(),
        profiles.browse.publishedCities(),
      ])
      return { latest: published[0], years: published.map((aggregate) => aggregate.year), cities }
    },
    /** Throws when the database does not answer. */
    health: () => repos.ping(),
  }
}

export type HomeService = ReturnType<typeof homeService>
