import type { Repositories } from '../dataAccess'

export function homeService(repos: Pick<Repositories, 'editions' | 'cities' | 'ping'>) {
  return {
    /** What the home page lists: the editions and the cities. */
    async overview() {
      const [editions, cities] = await Promise.all([repos.editions.list(), repos.cities.list()])
      return { editions, cities }
    },
    /** Throws when the database does not answer. */
    health: () => repos.ping(),
  }
}
