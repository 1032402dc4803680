import { once } from 'node:events'
import { Writable } from 'node:stream'
import { stringify } from 'csv-stringify'
import type { EditionsRepository } from '../questionnaire/editionsRepository'
import type { OpenDataRepository } from './openDataRepository'
import type { Definition } from '../questionnaire/definitionSchema'
import type { Edition } from '../questionnaire/editionsRepository'
import { chooseBasis } from './aggregate'
import { allQuestions } from '../questionnaire/definitionModel'
import { answersThisQuestionnaire, readMembers, refsSharingQuestions } from './basisMembers'
import { neutralise } from '../questionnaire/answerColumns'
import { cityCells, cityColumns, openDataColumns, type Cell } from './openDataColumns'

/** A file written to a stream, with its download name. */
export interface Download {
  filename: string
  writeTo: (out: Writable) => Promise<void>
}

/**
 * Streams rows as CSV (formulas neutralised), waiting when the socket is full. It starts with a
 * UTF-8 byte-order mark, as the admin export does, so a spreadsheet opened on it reads "Türkiye"
 * and not "TÃ¼rkiye".
 */
export async function writeCsv(out: Writable, header: string[], rows: AsyncIterable<Cell[]>): Promise<void> {
  const csv = stringify({
    bom: true,
    header: true,
    columns: header,
    cast: { boolean: (b) => (b ? '1' : '0') },
  })
  csv.pipe(out)
  for await (const row of rows) if (!csv.write(row.map(neutralise))) await once(csv, 'drain')
  csv.end()
  await once(csv, 'end')
}

/** A download's whole text, for keeping a release as it was published. */
export async function downloadText(download: Download): Promise<string> {
  const chunks: Buffer[] = []
  const sink = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk))
      done()
    },
  })
  await download.writeTo(sink)
  return Buffer.concat(chunks).toString('utf8')
}

type Deps = {
  editions: Pick<EditionsRepository, 'listWithDefinitions'>
  openData: Pick<OpenDataRepository, 'answersOf' | 'approvedUpTo'>
}

/**
 * The rows an edition's pages counted when its basis is "latest": every city once, with its
 * latest approved answers up to this year (the profiles' own choice, chooseBasis), each read
 * with the definition of the year it was given in, and that year as `answer_year`. Columns
 * cover the options offered in any of those years.
 */
export async function basisDownload(repos: Deps, edition: Edition, filename: string): Promise<Download> {
  const [candidates, editions] = await Promise.all([
    repos.openData.approvedUpTo(edition.year),
    repos.editions.listWithDefinitions(),
  ])
  const definitions = new Map<number, Definition>(editions.map((e) => [e.year, e.definition]))
  const sharing = refsSharingQuestions(candidates, edition, definitions)
  const chosen = new Set(chooseBasis('latest', edition.year, sharing).map((ref) => ref.responseId))
  const ownKeys = allQuestions(edition.definition).map(({ question }) => question.key)
  const members = candidates.filter((candidate) => chosen.has(candidate.responseId))
  const byId = new Map(members.map((member) => [member.responseId, member]))
  const years = [...new Set(members.map((member) => member.year))].sort((a, b) => a - b)
  const columns = openDataColumns(edition.definition, years.length > 0 ? years : [edition.year])
  async function* rows(): AsyncGenerator<Cell[]> {
    for await (const { ref, answers } of readMembers(members, definitions, repos.openData.answersOf, 25)) {
      // As the profiles count: a city whose latest answers give none of this questionnaire's is not in the basis.
      if (!answersThisQuestionnaire(ref, answers, edition.year, ownKeys)) continue
      const city = byId.get(ref.responseId)!
      yield [
        ...cityCells(city),
        ref.year,
        // An option not offered in the year of this row's answers is empty, not "did not choose".
        ...columns.map((column) =>
          column.availableIn && !column.availableIn.includes(ref.year)
            ? null
            : column.read(answers.get(column.questionKey)),
        ),
      ]
    }
  }
  return {
    filename,
    writeTo: (out) => writeCsv(out, [...cityColumns, 'answer_year', ...columns.map((c) => c.name)], rows()),
  }
}
