import { repositories } from '../../src/wiring/repositories'
import { insertInChunks } from '../../src/db/dialect'
import { nowIso } from '../../src/shared/clock'
import { answerToRows } from '../../src/questionnaire/answerCodec'
import { definitionSchema, type Definition } from '../../src/questionnaire/definitionSchema'
import { shippedDefinitions } from '../../src/questionnaire/definitions'
import { demoAnswers, respondentsOf } from '../../src/cli/demo/demoData'
import { createBenchAccounts, withDatabase } from './prepareDatabase'

export const SYNTHETIC_YEAR = 2020

/**
 * A database of `count` fictional cities, each with an approved response to the full 2020
 * questionnaire (deterministic). City i takes the generated answers of demo city i mod n,
 * so the shares across all of them follow the demo data's, and so the original survey's.
 * Everything goes in with bulk inserts in one transaction; an administrator is added for the export.
 */
export async function createSyntheticDatabase(file: string, count: number): Promise<{ answerRows: number }> {
  const definition: Definition = definitionSchema.parse(
    shippedDefinitions.find((d) => d.year === SYNTHETIC_YEAR),
  )
  const templates = respondentsOf(SYNTHETIC_YEAR).filter((city) => city.fictional)
  const templateRows = templates.map((city) =>
    [...demoAnswers(definition, city)].flatMap(([key, value]) => answerToRows(key, value)),
  )
  return withDatabase(
    file,
    async (knex) => {
      let answerRows = 0
      await knex.transaction(async (trx) => {
        const editionId = await repositories(trx).editions.create({
          year: definition.year,
          title: definition.title,
          status: 'published',
          definition,
          basis: 'approved',
        })
        const at = nowIso()
        const cities = Array.from({ length: count }, (_, i) => {
          const template = templates[i % templates.length]
          const n = String(i + 1).padStart(5, '0')
          return { ...template, slug: `synthville-${n}-syn`, name: `Synthville ${n}`, created_at: at }
        })
        await insertInChunks(
          trx,
          'cities',
          cities.map(
            ({ slug, name, country, iso3, region, latitude, longitude, population, created_at }) => ({
              slug,
              name,
              country,
              iso3,
              region,
              latitude,
              longitude,
              population,
              created_at,
            }),
          ),
        )
        const cityIds = new Map(
          (await trx('cities').select('id', 'slug')).map((r: { id: number; slug: string }) => [
            r.slug,
            Number(r.id),
          ]),
        )
        const response = {
          edition_id: editionId,
          status: 'approved',
          version: 1,
          submitted_at: at,
          submitted_by_name: 'Synthetic data',
          approved_at: at,
          created_at: at,
          updated_at: at,
        }
        await insertInChunks(
          trx,
          'responses',
          cities.map((city) => ({ ...response, city_id: cityIds.get(city.slug) })),
        )
        const responseIds = await trx('responses').where({ edition_id: editionId }).select('id', 'city_id')
        const templateOf = new Map(cities.map((city, i) => [cityIds.get(city.slug), i % templates.length]))
        // In slices of cities, so 10 000 cities never sit in memory as a million row objects at once.
        for (let start = 0; start < responseIds.length; start += 500) {
          const rows = responseIds.slice(start, start + 500).flatMap((r: { id: number; city_id: number }) =>
            templateRows[templateOf.get(Number(r.city_id))!].map((row) => ({
              response_id: r.id,
              question_key: row.questionKey,
              option_key: row.optionKey,
              value_text: row.text,
              value_number: row.number,
              note: row.note,
              prefilled: false,
              updated_at: at,
            })),
          )
          answerRows += rows.length
          await insertInChunks(trx, 'answers', rows)
        }
      })
      await createBenchAccounts(knex, 0)
      return { answerRows }
    },
    true,
  )
}
