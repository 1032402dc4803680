import crypto from 'node:crypto'
import type { ProfilesRepository, SnapshotReaders, SnapshotRow } from './profilesRepository'
import { nowIso } from '../shared/clock'
import type { Definition } from '../questionnaire/definitionSchema'
import type { Answers } from '../questionnaire/answerCodec'
import type { Edition } from '../questionnaire/editionsRepository'
import { allQuestions } from '../questionnaire/definitionModel'
import { aggregateCounter, chooseBasis, type ResponseRef } from './aggregate'
import {
  answersThisQuestionnaire,
  MEMBER_PAGE,
  memberAnswers,
  readMembers,
  refsSharingQuestions,
} from './basisMembers'
import { facetsLog } from './facetsLog'
import { aggregateJson, editionAggregate, facetQuestions } from './generateEdition'
import { profileBuilder, type ProfileCity } from './profileBuilder'
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
  profiles: Pick<ProfilesRepository, 'answersOf' | 'approvedResponses' | 'replaceEdition'>
}

/**
 * Regenerates an edition's aggregate and profile snapshots from its stored answers, in two passes
 * over the answers, a page of responses per query: the first counts the basis (and notes each
 * profiled city's facets, compactly), the second reads each page's cities with their answers, and
 * builds, writes and forgets one city's profile at a time. The aggregate's JSON is made and
 * written before them, and dropped.
 * Memory stays flat as cities grow: no pass holds an edition's answers, cities or profiles at once.
 */
export async function regenerateEdition(
  repos: RegenerationDeps,
  edition: Edition,
  definitions: Map<number, Definition>,
  threshold: number,
  onProgress?: (done: number, total: number) => void,
): Promise<RegenerationResult> {
  const started = Date.now()
  const refs = await repos.profiles.approvedResponses(edition.year, edition.basis === 'approved')
  // Each gets a profile (a response's city always exists: responses.city_id is a foreign key).
  const profiled = refs.filter((ref) => ref.year === edition.year)

  const { basis, questions, facets } = await countBasis(repos, edition, refs, definitions, threshold)
  // English always, and each language whose translation of this questionnaire is complete: a
  // page is never half translated. The counts are the same in every language; only words differ.
  // Each aggregate is made without its cities, whose JSON the facets log writes in (aggregateJson).
  const languages = publicLocales(edition.definition).map((locale) => {
    const definition = localiseDefinition(edition.definition, locale)
    const title = locale === 'en' ? edition.title : definition.title
    const aggregate = inLocale(locale, () => editionAggregate(definition, title, basis, questions, []))
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
  async function* snapshots(read: SnapshotReaders): AsyncGenerator<SnapshotRow> {
    const questionList = allQuestions(edition.definition).map(({ question }) => question)
    for (let start = 0; start < profiled.length; start += MEMBER_PAGE) {
      const page = profiled.slice(start, start + MEMBER_PAGE)
      const [rows, cities] = await Promise.all([
        read.answers(page.map((ref) => ref.responseId)),
        read.cities(page.map((ref) => ref.cityId)),
      ])
      for (const ref of page) {
        const city = cities.get(ref.cityId)
        if (!city) throw new Error(`The city of response ${ref.responseId} is not there`)
        const answers = memberAnswers(edition.definition, rows.get(ref.responseId) ?? [], questionList)
        for (const { locale, build } of languages) {
          const content = JSON.stringify(build(city, answers))
          yield { cityId: ref.cityId, locale, content, contentHash: contentHash(content) }
        }
        written += 1
        onProgress?.(written, profiled.length)
      }
    }
  }
  const aggregateRows = () => {
    const cities = facets.json()
    return languages.map(({ locale, aggregate }) => {
      const content = aggregateJson(aggregate, cities)
      return { locale, content, contentHash: contentHash(content) }
    })
  }
  await repos.profiles.replaceEdition(edition.id, aggregateRows, snapshots, nowIso())
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
  threshold: number,
) {
  // "Latest answers" counts only cities asked a question of this questionnaire (basisMembers).
  const candidates = edition.basis === 'latest' ? refsSharingQuestions(refs, edition, definitions) : refs
  const basisIds = new Set(chooseBasis(edition.basis, edition.year, candidates).map((ref) => ref.responseId))
  const ownCity = (ref: ResponseRef) => ref.year === edition.year
  const read = refs
    .filter((ref) => basisIds.has(ref.responseId) || ownCity(ref))
    .sort((a, b) => a.responseId - b.responseId)
  const counter = aggregateCounter(edition.definition)
  const facets = facetsLog(facetQuestions(edition.definition).map((question) => question.key))
  const ownKeys = Object.keys(counter.questions)
  for await (const { ref, answers } of readMembers(read, definitions, repos.profiles.answersOf)) {
    if (basisIds.has(ref.responseId) && answersThisQuestionnaire(ref, answers, edition.year, ownKeys))
      counter.add({ cityId: ref.cityId, year: ref.year, answers })
    if (ownCity(ref)) facets.add(ref.cityId, answers)
  }
  return { basis: counter.basis(edition.basis, threshold), questions: counter.questions, facets }
}
