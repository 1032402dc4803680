import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { Repositories } from '../dataAccess'
import { NotFoundError } from '../shared/errors'
import { groupRows, rowsToAnswer, type Answers } from '../questionnaire/answerCodec'
import { allQuestions } from '../questionnaire/definitionModel'
import { visibleAnswers } from '../questionnaire/visibility'
import type { Edition } from '../questionnaire/editionsRepository'
import type { OpenDataResponse } from './openDataRepository'
import { cityColumns, neutralise, openDataColumns, safeJson } from './openDataColumns'

export const LICENCE = 'Creative Commons Attribution 4.0 International (CC BY 4.0)'
export const LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/'
/** Responses read per query while streaming, so an export never holds a whole edition. */
const BATCH = 25

type Deps = Pick<Repositories, 'editions' | 'openData' | 'releases'>

/** Writes and waits when the socket is full (backpressure), so large exports stream steadily. */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}

/** Open data of published editions: CSV and JSON of approved answers with stable keys, and the codebook. */
export function openDataService(repos: Deps, threshold: number) {
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

  return {
    /** The /open-data page: each published edition with its release, and the corrections log. */
    async overview() {
      const [editions, releases] = await Promise.all([repos.editions.list(), repos.releases.listPublished()])
      const published = editions.filter((edition) => edition.status === 'published')
      return {
        editions: published,
        releases,
        corrections: releases.filter((r) => r.version > 1),
        threshold,
        licence: LICENCE,
        licenceUrl: LICENCE_URL,
      }
    },

    /** Checks the year before any header is sent; the returned writer streams the CSV. */
    async csv(year: number): Promise<{ filename: string; writeTo: (out: Writable) => Promise<void> }> {
      const edition = await published(year)
      const columns = openDataColumns(edition.definition)
      return {
        filename: `city-innovation-survey-${year}-release-${edition.dataRelease}.csv`,
        writeTo: async (out) => {
          const csv = stringify({
            header: true,
            columns: [...cityColumns, ...columns.map((c) => c.name)],
            cast: { boolean: (b) => (b ? '1' : '0') },
          })
          csv.pipe(out)
          for await (const { city, answers } of citiesOf(edition)) {
            const row = [
              city.slug,
              city.name,
              city.country,
              city.iso3,
              city.region,
              ...columns.map((c) => c.read(answers.get(c.questionKey))),
            ]
            if (!csv.write(row.map(neutralise))) await once(csv, 'drain')
          }
          csv.end()
          await once(csv, 'end')
        },
      }
    },

    /** The JSON export: edition facts, then one object per city, written as they are read. */
    async json(year: number): Promise<{ filename: string; writeTo: (out: Writable) => Promise<void> }> {
      const edition = await published(year)
      return {
        filename: `city-innovation-survey-${year}-release-${edition.dataRelease}.json`,
        writeTo: async (out) => {
          const head = {
            edition: edition.year,
            title: edition.title,
            release: edition.dataRelease,
            licence: LICENCE,
            basis: edition.basis,
            disclosureThreshold: threshold,
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
    async codebook(year: number): Promise<{ filename: string; writeTo: (out: Writable) => Promise<void> }> {
      const edition = await published(year)
      return {
        filename: `city-innovation-survey-${year}-codebook.csv`,
        writeTo: async (out) => {
          const csv = stringify({
            header: true,
            columns: ['column', 'question_key', 'option_key', 'type', 'question', 'values'],
          })
          csv.pipe(out)
          for (const name of cityColumns)
            csv.write([name, '', '', 'city', `City ${name.replace('city_', '')}`, 'Text'])
          for (const c of openDataColumns(edition.definition))
            csv.write([c.name, c.questionKey, c.optionKey, c.type, c.question, c.values].map(neutralise))
          csv.end()
          await once(csv, 'end')
        },
      }
    },
  }
}

export type OpenDataService = ReturnType<typeof openDataService>
