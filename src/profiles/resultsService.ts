import type { ProfilesRepository } from './profilesRepository'
import { NotFoundError } from '../shared/errors'
import { LruCache } from './lruCache'
import type { EditionAggregateContent, ResultsQuestion } from './profileContent'
import { questionSlug } from './resultsModel'

export type PublishedAggregate = EditionAggregateContent & {
  editionId: number
  contentHash: string
  /** The language its words are in: the one asked for where the year was made in it, else English. */
  locale: string
}

/**
 * Results of published editions, read from the stored aggregates (drawn at regeneration): a
 * light query for the current hashes, and the content only when a hash is new to this process.
 */
export function resultsService(repos: {
  profiles: Pick<ProfilesRepository, 'aggregateContent' | 'publishedAggregateIndex'>
}) {
  const cache = new LruCache<string, PublishedAggregate>(16)

  async function published(locale = 'en'): Promise<PublishedAggregate[]> {
    const index = await repos.profiles.publishedAggregateIndex(locale)
    const result: PublishedAggregate[] = []
    for (const entry of index) {
      let aggregate = cache.get(entry.contentHash)
      if (!aggregate) {
        const stored = await repos.profiles.aggregateContent(entry.editionId, entry.locale)
        if (!stored) continue
        // Kept under the hash read, which is newer than the index's if a regeneration came in between.
        aggregate = cache.set(stored.contentHash, {
          ...(JSON.parse(stored.content) as EditionAggregateContent),
          editionId: entry.editionId,
          locale: entry.locale,
          contentHash: stored.contentHash,
        })
      }
      result.push(aggregate)
    }
    return result
  }

  async function edition(year: number, locale = 'en'): Promise<PublishedAggregate> {
    const found = (await published(locale)).find((aggregate) => aggregate.year === year)
    if (!found) throw new NotFoundError('There are no published results for this year')
    return found
  }

  return {
    /** Every published edition's aggregate, newest first. */
    published,
    edition,

    /** One question's results; accepts the key (policy_areas) or its kebab-case form (policy-areas). */
    async question(
      year: number,
      keyOrSlug: string,
      locale = 'en',
    ): Promise<{ aggregate: PublishedAggregate; question: ResultsQuestion }> {
      const aggregate = await edition(year, locale)
      const slug = questionSlug(keyOrSlug)
      const question = aggregate.results
        .flatMap((section) => section.questions)
        .find((q) => q.key === keyOrSlug || q.slug === slug)
      if (!question) throw new NotFoundError('There is no such question in this survey year')
      return { aggregate, question }
    },
  }
}

export type ResultsService = ReturnType<typeof resultsService>
