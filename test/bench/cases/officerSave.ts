import { load } from '../load'
import { bumpVersion, filledPage, vary, type FilledPage } from '../pageForm'
import { withDatabase, type BenchDatabase, type BenchOfficer, type QuestionPage } from '../prepareDatabase'
import { repositories } from '../../../src/wiring/repositories'
import { ms, type Row } from '../table'
import { eachConnectionAnOfficer, type OfficerGet } from './officerGet'
import type { Child } from '../processes'
import type { Session } from '../session'
import type { Settings } from '../settings'

const GOAL = '≥ 0.5 × GET, p99 < 100 ms, all saved'

const errorSummary = (html: string) =>
  (/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? html.slice(0, 300))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

interface Saved {
  version: number
  rows: number
}

async function versions(file: BenchDatabase, page: QuestionPage, officers: BenchOfficer[]): Promise<Saved[]> {
  return withDatabase(file, async (knex) => {
    const repos = repositories(knex)
    const result: Saved[] = []
    for (const officer of officers) {
      const response = await repos.responses.find(page.editionId, officer.cityId)
      const answers = response ? await repos.responses.answers(response.id) : []
      result.push({
        version: response?.version ?? 0,
        rows: answers.filter((a) => page.questionKeys.includes(a.questionKey)).length,
      })
    }
    return result
  })
}

interface Counts {
  sent: number
  answered: number
  saved: number
}

/**
 * One load run of saves. Each connection is one officer posting their own form; after a
 * save it sends the bumped version, as the next page would. Afterwards each response's
 * version must have grown by its saves (plus, at most, the one request still in flight
 * when the run stopped), and each response must hold the page's answers.
 */
export async function saveRun(
  settings: Settings,
  url: string,
  seconds: number,
  sessions: Session[],
  pages: FilledPage[],
  check: () => Promise<Saved[]>,
  overallRate?: number,
) {
  const before = await check()
  const counts: Counts[] = sessions.map(() => ({ sent: 0, answered: 0, saved: 0 }))
  const measured = await load(
    url,
    {
      ...settings.load,
      seconds,
      warmupSeconds: 0,
      overallRate,
      method: 'POST',
      setupClient: eachConnectionAnOfficer(sessions.length, (client, i) => {
        client.setHeadersAndBody(
          { cookie: sessions[i].cookie, 'content-type': 'application/x-www-form-urlencoded' },
          vary(pages[i]),
        )
        client.on('request', () => counts[i].sent++)
        client.on('response', (status: number) => {
          counts[i].answered++
          if (status !== 302) return
          counts[i].saved++
          bumpVersion(pages[i])
          client.setBody(vary(pages[i]))
        })
      }),
    },
    [302],
  )
  await new Promise((resolve) => setTimeout(resolve, 300)) // let requests cut off at the end finish
  const after = await check()
  const lost = after.filter((a, i) => {
    const grew = a.version - before[i].version
    const { saved, sent, answered } = counts[i]
    return grew < saved || grew > saved + (sent - answered) || a.rows === 0 || a.rows !== after[0].rows
  })
  if (lost.length > 0)
    throw new Error(
      `${lost.length} of ${sessions.length} responses do not hold every save (versions or answers missing)`,
    )
  return {
    measured,
    saves: counts.reduce((sum, c) => sum + c.saved, 0),
    rows: after[0].rows * sessions.length,
  }
}

/** Each officer's page as it stands, filled in: their own CSRF token and current version. */
export const freshPages = (sessions: Session[], path: string) =>
  Promise.all(
    sessions.map(async (session) => {
      const page = filledPage((await session.get(path)).text, path)
      if (!page) throw new Error(`${path} has no form posting to itself with a free-text answer`)
      return page
    }),
  )

/**
 * Officers saving the page at once, each on their own city's response (POST with CSRF,
 * validation, one transaction), against the signed-in GET of the same page.
 */
export const savedVersions = (file: BenchDatabase, page: QuestionPage, officers: BenchOfficer[]) => () =>
  versions(file, page, officers)

export async function officerSaveCase(
  settings: Settings,
  app: Child,
  get: OfficerGet,
  page: QuestionPage,
  officers: BenchOfficer[],
  sessions: Session[],
  file: string,
): Promise<Row> {
  const path = page.path
  const check = () => versions(file, page, officers)
  const [first] = await freshPages(sessions.slice(0, 1), path)
  const trial = await sessions[0].post(path, vary(first))
  if (trial.status !== 302)
    throw new Error(`Saving ${path} answered ${trial.status}: ${errorSummary(trial.text)}`)
  if (settings.load.warmupSeconds > 0)
    await saveRun(
      settings,
      app.url + path,
      settings.load.warmupSeconds,
      sessions,
      await freshPages(sessions, path),
      check,
    )
  const run = await saveRun(
    settings,
    app.url + path,
    settings.load.seconds,
    sessions,
    await freshPages(sessions, path),
    check,
  )
  const ratio = run.measured.rps / get.measured.rps
  return {
    name: `Officer page save POST ${path}`,
    rps: run.measured.rps,
    p50: ms(run.measured.p50),
    p99: ms(run.measured.p99),
    referenceRps: get.measured.rps,
    ratio,
    goal: GOAL,
    met: ratio >= 0.5 && run.measured.p99 < 100,
    notes: `${sessions.length} officers on their own responses; ${run.saves.toLocaleString('en-GB')} saves checked in the database (${run.rows.toLocaleString('en-GB')} answer rows); reference: the GET`,
  }
}
