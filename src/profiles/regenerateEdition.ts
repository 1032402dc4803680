import crypto from 'node:crypto'
import type { CitiesRepository } from '../cities/citiesRepository'
import type { ProfilesRepository } from './profilesRepository'
import { nowIso } from '../shared/clock'
import type { Definition } from '../questionnaire/definitionSchema'
import type { Answers } from '../questionnaire/answerCodec'
import type { Edition } from '../questionnaire/editionsRepository'
import { aggregateCounter, chooseBasis, type ResponseRef } from './aggregate'
import { answersThisQuestionnaire, readMembers, refsSharingQuestions } from './basisMembers'
import { cityFacets, editionAggregate, facetQuestions } from './generateEdition'
import { profileBuilder, type ProfileCity } from './profileBuilder'
import type { CityFacets } from './profileContent'
import type { AnswerReader, SnapshotRow } from './profilesRepository'
import { publicLocales } from './publicLocales'
import { inLocale } from './wording'
import { localiseDefinition } from '../questionnaire/definitionTexts'

export const contentHash = (content: string): string =>
  crypto.createHash('sha256').update(content).digest('hex')

export interface RegenerationResult {
  editionId: number
  year: number
  profiles: number
  basisSize: number
  /** The languages profiles were made in (English first). */
  locales?: string[]
  milliseconds: number
}

export interface RegenerationDeps {
  cities: Pick<CitiesRepository, 'list'>
  profiles: Pick<ProfilesRepository, 'answersOf' | 'approvedResponses' | 'replaceEdition'>
}

/**
 * Regenerates an edition's aggregate and profile snapshots from its stored answers, in two passes
 * over the answers, a page of responses per query: the first counts the basis (and notes each
 * profiled city's facets), the second builds, writes and forgets one city's profile at a time.
 * Memory stays flat as cities grow: no pass holds an edition's answers or profiles at once.
 */
export async function regenerateEdition(
  repos: RegenerationDeps,
  edition: Edition,
  definitions: Map<number, Definition>,
  threshold: number,
  onProgress?: (done: number, total: number) => void,
): Promise<RegenerationResult> {
  const started = Date.now()
  const [refs, cities] = await Promise.all([
    repos.profiles.approvedResponses(edition.year, edition.basis === 'approved'),
    repos.cities.list(),
  ])
  const cityById = new Map<number, ProfileCity>(cities.map((city) => [city.id, city]))
  const profiled = refs.filter((ref) => ref.year === edition.year && cityById.has(ref.cityId))

  const { basis, questions, facets } = await countBasis(
    repos,
    edition,
    refs,
    definitions,
    cityById,
    threshold,
  )
  // English always, and each language whose translation of this questionnaire is complete: a
  // page is never half translated. The counts are the same in every language; only words differ.
  const languages = publicLocales(edition.definition).map((locale) => {
    const definition = localiseDefinition(edition.definition, locale)
    const title = locale === 'en' ? edition.title : definition.title
    const aggregate = inLocale(locale, () => editionAggregate(definition, title, basis, questions, facets))
    const build = profileBuilder({
      definition,
      editionTitle: title,
      basis,
      aggregates: aggregate.questions,
      charts: aggregate.charts,
    })
    return {
      locale,
      aggregate,
      build: (city: ProfileCity, answers: Answers) => inLocale(locale, () => build(city, answers)),
    }
  })

  let written = 0
  async function* snapshots(readAnswers: AnswerReader): AsyncGenerator<SnapshotRow> {
    const own = new Map([[edition.year, edition.definition]])
    for await (const { ref, answers } of readMembers(profiled, own, readAnswers)) {
      for (const { locale, build } of languages) {
        const content = JSON.stringify(build(cityById.get(ref.cityId)!, answers))
        yield { cityId: ref.cityId, locale, content, contentHash: contentHash(content) }
      }
      written += 1
      onProgress?.(written, profiled.length)
    }
  }
  const aggregates = languages.map(({ locale, aggregate }) => {
    const content = JSON.stringify(aggregate)
    return { locale, content, contentHash: contentHash(content) }
  })
  await repos.profiles.replaceEdition(edition.id, aggregates, snapshots, nowIso())
  return {
    editionId: edition.id,
    year: edition.year,
    profiles: written,
    basisSize: basis.size,
    locales: languages.map(({ locale }) => locale),
    milliseconds: Date.now() - started,
  }
}

/**
 * The first pass: counts the basis and notes the facets of each city profiled in this edition.
 * In response order, so the counts' keys come in the same order on every run.
 */
async function countBasis(
  repos: RegenerationDeps,
  edition: Edition,
  refs: ResponseRef[],
  definitions: Map<number, Definition>,
  cityById: Map<number, ProfileCity>,
  threshold: number,
) {
  // "Latest answers" counts only cities asked a question of this questionnaire (basisMembers).
  const candidates = edition.basis === 'latest' ? refsSharingQuestions(refs, edition, definitions) : refs
  const basisIds = new Set(chooseBasis(edition.basis, edition.year, candidates).map((ref) => ref.responseId))
  const ownCity = (ref: ResponseRef) => ref.year === edition.year && cityById.has(ref.cityId)
  const read = refs
    .filter((ref) => basisIds.has(ref.responseId) || ownCity(ref))
    .sort((a, b) => a.responseId - b.responseId)
  const counter = aggregateCounter(edition.definition)
  const facetKeys = facetQuestions(edition.definition).map((question) => question.key)
  const ownKeys = Object.keys(counter.questions)
  const facets: CityFacets[] = []
  for await (const { ref, answers } of readMembers(read, definitions, repos.profiles.answersOf)) {
    if (basisIds.has(ref.responseId) && answersThisQuestionnaire(ref, answers, edition.year, ownKeys))
      counter.add({ cityId: ref.cityId, year: ref.year, answers })
    if (ownCity(ref)) facets.push(cityFacets(facetKeys, ref.cityId, answers))
  }
  return { basis: counter.basis(edition.basis, threshold), questions: counter.questions, facets }
}
