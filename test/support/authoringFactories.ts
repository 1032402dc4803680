import type { Repositories } from '../../src/wiring/repositories'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'
import { answerToRows, type AnswerValue } from '../../src/questionnaire/answerCodec'
import type { Edition } from '../../src/questionnaire/editionsRepository'
import { buildCity } from './factories'

/** A survey year no other edition uses (the PostgreSQL test database is shared). */
export async function freeYear(repos: Repositories): Promise<number> {
  const taken = new Set((await repos.editions.list()).map((e) => e.year))
  for (;;) {
    const year = 2100 + Math.floor(Math.random() * 100)
    if (!taken.has(year)) return year
  }
}

/** An edition of its own whose definition copies another edition's (2020 by default). */
export async function buildEdition(
  repos: Repositories,
  fields: { copyOf?: number; status?: Edition['status'] } = {},
): Promise<Edition> {
  const source = (await repos.editions.findByYear(fields.copyOf ?? 2020))!
  const year = await freeYear(repos)
  const definition = copyDefinition(source.definition, year)
  await repos.editions.create({
    year,
    title: definition.title,
    status: fields.status ?? 'open',
    definition,
    copiedFromYear: source.year,
  })
  return (await repos.editions.findByYear(year))!
}

/** A response of a new city to the edition, with the given answers stored. */
export async function buildResponse(
  repos: Repositories,
  editionId: number,
  answers: Record<string, AnswerValue>,
): Promise<number> {
  const city = await buildCity(repos)
  const response = await repos.responses.findOrCreate(editionId, city.id, null)
  await repos.responses.saveAnswers({
    responseId: response.id,
    expectedVersion: response.version,
    questionKeys: Object.keys(answers),
    rows: Object.entries(answers).flatMap(([key, value]) => answerToRows(key, value)),
    event: { type: 'page_saved', actorId: null },
  })
  return response.id
}
