import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import type { OpenDataRepository } from './openDataRepository'
import type { ReleasesRepository } from './releasesRepository'
import { NotFoundError } from '../shared/errors'
import { groupRows, rowsToAnswer, type Answers } from '../questionnaire/answerCodec'
import { allQuestions } from '../questionnaire/definitionModel'
import { visibleAnswers } from '../questionnaire/visibility'
import type { Edition } from '../questionnaire/editionsRepository'
import type { OpenDataResponse } from './openDataRepository'
import { neutralise } from '../questionnaire/answerColumns'
import { cityCells, cityColumns, openDataColumns, safeJson, type Cell } from './openDataColumns'
import { basisDownload, downloadText, writeCsv, type Download } from './openDataFiles'
import type { ReleaseFileName } from './releasesRepository'
import { fixedIdentity, type IdentitySource } from '../shared/identity'

export const LICENCE = 'Creative Commons Attribution 4.0 International (CC BY 4.0)'
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/'
/** Responses read per query while streaming, so an export never holds a whole edition. */
const BATCH = 25

type Deps = { editions: EditionsRepository; openData: OpenDataRepository; releases: ReleasesRepository }

/** "city-innovation-survey-2020-release-1.csv": the survey year's file prefix, year, file and release. */
const fileName = (prefix: string, year: number, name: ReleaseFileName, release: number): string =>
  `${prefix}-${year}${name === 'basis' ? '-basis' : ''}-release-${release}.csv`

/** Writes and waits when the socket is full (backpressure), so large exports stream steadily. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}

/** Open data of published editions: CSV and JSON of approved answers with stable keys, and the codebook. */
export function openDataService(repos: Deps, threshold: number, identity: IdentitySource = fixedIdentity()) {
  const prefixOf = async (year: number) => (await identity.forYear(year)).filePrefix

  async function published(year: number): Promise<Edition> {
    const edition = Number.isInteger(year) ? await repos.editions.findByYear(year) : undefined
    if (!edition || edition.status !== 'published')
      throw new NotFoundError('There is no published data for this year')
    return edition
  }

  /** Each approved response's visible answers, a batch of cities at a time. */
  async function* citiesOf(edition: Edition): AsyncGenerator<{ city: OpenDataResponse; answers: Answers }> {
    const responses = await repos.openData.approvedResponses(edition.id)
    const questions = allQuestions(edition.definition)
    for (let i = 0; i < responses.length; i += BATCH) {
      const batch = responses.slice(i, i + BATCH)
      const rows = await repos.openData.answersOf(batch.map((r) => r.responseId))
      for (const city of batch) {
        const grouped = groupRows(rows.get(city.responseId) ?? [])
        const answers: Answers = new Map()
        for (const { question } of questions) {
          const value = rowsToAnswer(question, grouped.get(question.key) ?? [])
          if (value) answers.set(question.key, value)
        }
        yield { city, answers: visibleAnswers(edition.definition, answers) }
      }
    }
  }

  /** The edition's approved responses as CSV, one row per city. */
  function dataDownload(edition: Edition, prefix: string): Download {
    const columns = openDataColumns(edition.definition)
    async function* rows(): AsyncGenerator<Cell[]> {
      for await (const { city, answers } of citiesOf(edition))
        yield [...cityCells(city), ...columns.map((c) => c.read(answers.get(c.questionKey)))]
    }
    return {
      filename: fileName(prefix, edition.year, 'data', edition.dataRelease),
      writeTo: (out) => writeCsv(out, [...cityColumns, ...columns.map((c) => c.name)], rows()),
    }
  }

  /** The current file, or undefined where the edition has none of that name (basis "approved"). */
  async function currentFile(edition: Edition, name: ReleaseFileName): Promise<Download | undefined> {
    const prefix = await prefixOf(edition.year)
    if (name === 'data') return dataDownload(edition, prefix)
    if (edition.basis !== 'latest') return undefined
    return basisDownload(repos, edition, fileName(prefix, edition.year, 'basis', edition.dataRelease))
  }

  return {
    /** The /open-data page: each published edition with its release, and the corrections log. */
    async overview() {
      const [editions, releases] = await Promise.all([repos.editions.list(), repos.releases.listPublished()])
      const published = editions.filter((edition) => edition.status === 'published')
      return {
        editions: published,
        releases,
        corrections: releases.filter((r) => r.version > 1),
        basisOf: Object.fromEntries(published.map((edition) => [edition.year, edition.basis])),
        threshold,
        licence: LICENCE,
        licenceUrl: LICENCE_URL,
      }
    },

    /** Checks the year before any header is sent; the returned writer streams the CSV. */
    async csv(year: number): Promise<Download> {
      const edition = await published(year)
      return dataDownload(edition, await prefixOf(year))
    },

    /**
     * Every row the pages of a year compared on "latest" answers counted, with the year of each
     * answer (`answer_year`), so each share can be recounted from the open data.
     */
    async basisCsv(year: number): Promise<Download> {
      const file = await currentFile(await published(year), 'basis')
      if (!file) throw new NotFoundError('This year’s shares compare only its own responses: use its CSV')
      return file
    },

    /** A release's file as it was published; the current release is written afresh if not kept yet. */
    async releaseFile(year: number, version: number, name: ReleaseFileName): Promise<Download> {
      const edition = await published(year)
      const kept = await repos.releases.file(edition.id, version, name)
      if (kept !== undefined)
        return {
          filename: fileName(await prefixOf(year), year, name, version),
          writeTo: async (out) => void out.end(kept),
        }
      const current = version === edition.dataRelease ? await currentFile(edition, name) : undefined
      if (!current) throw new NotFoundError(`Release ${version} of ${year} is not kept`)
      return current
    },

    /**
     * Keeps the current release's files as they are now (once per release), so they stay
     * downloadable after later corrections. Called whenever a release is made.
     */
    async archive(editionId: number): Promise<void> {
      const edition = await repos.editions.findById(editionId)
      if (!edition || edition.status !== 'published' || edition.dataRelease < 1) return
      for (const name of ['data', 'basis'] as const) {
        if (await repos.releases.hasFile(edition.id, edition.dataRelease, name)) continue
        const file = await currentFile(edition, name)
        if (file)
          await repos.releases.storeFile(edition.id, edition.dataRelease, name, await downloadText(file))
      }
    },

    /** The JSON export: edition facts, then one object per city, written as they are read. */
    async json(year: number): Promise<Download> {
      const edition = await published(year)
      return {
        filename: `${await prefixOf(year)}-${year}-release-${edition.dataRelease}.json`,
        writeTo: async (out) => {
          const head = {
            edition: edition.year,
            title: edition.title,
            release: edition.dataRelease,
            licence: LICENCE,
            basis: edition.basis,
            disclosureThreshold: threshold,
            // The shares of a "latest" basis count earlier years' answers too: every row is here.
            ...(edition.basis === 'latest' ? { countedRows: `/open-data/${year}-basis.csv` } : {}),
          }
          await write(out, `${safeJson(head).slice(0, -1)},"cities":[`)
          let first = true
          for await (const { city, answers } of citiesOf(edition)) {
            const { responseId: _id, ...facts } = city
            await write(
              out,
              (first ? '\n' : ',\n') + safeJson({ ...facts, answers: Object.fromEntries(answers) }),
            )
            first = false
          }
          out.end('\n]}\n')
        },
      }
    },

    /** The codebook: each column's question, type and what its values mean. */
    async codebook(year: number): Promise<Download> {
      const edition = await published(year)
      return {
        filename: `${await prefixOf(year)}-${year}-codebook.csv`,
        writeTo: async (out) => {
          const csv = stringify({
            header: true,
            columns: ['column', 'question_key', 'option_key', 'type', 'question', 'values'],
          })
          csv.pipe(out)
          for (const name of cityColumns)
            csv.write([name, '', '', 'city', `City ${name.replace('city_', '')}`, 'Text'])
          for (const c of openDataColumns(edition.definition))
            csv.write([c.name, c.questionKey, c.optionKey, c.type, c.questionText, c.values].map(neutralise))
          csv.end()
          await once(csv, 'end')
        },
      }
    },
  }
}

export type OpenDataService = ReturnType<typeof openDataService>
