import { load } from '../load'
import { ms, type Row } from '../table'
import { eachConnectionAnOfficer } from './officerGet'
import { freshPages, savedVersions, saveRun } from './officerSave'
import type { Child } from '../processes'
import type { Session } from '../session'
import type { Settings } from '../settings'
import type { BenchOfficer, QuestionPage } from '../prepareDatabase'

/** Offered rates: about ten times a 150-city survey's busiest hour, then where the curve bends. */
export const OFFERED_RATES = [100, 300]
const GOALED_RATE = 100

/**
 * Officers reading and saving a question page at a fixed offered rate (open loop), as users feel
 * it, rather than at saturation: the GET, then the save, each for the load's duration, each
 * connection its own officer. Every save is checked in the database (saveRun); any error or
 * unexpected status breaks the case.
 */
export async function officerAtRateCases(
  settings: Settings,
  app: Child,
  page: QuestionPage,
  officers: BenchOfficer[],
  sessions: Session[],
  file: string,
): Promise<Row[]> {
  const rows: Row[] = []
  for (const rate of OFFERED_RATES) {
    const goaled = rate === GOALED_RATE
    const get = await load(app.url + page.path, {
      ...settings.load,
      warmupSeconds: 0,
      overallRate: rate,
      setupClient: eachConnectionAnOfficer(sessions.length, (client, i) =>
        client.setHeaders({ cookie: sessions[i].cookie }),
      ),
    })
    rows.push({
      name: `Officer GET at an offered ${rate} req/s (open loop)`,
      rps: get.rps,
      p50: ms(get.p50),
      p99: ms(get.p99),
      goal: goaled ? 'p99 < 50 ms, 0 errors' : 'recorded',
      met: goaled ? get.p99 < 50 : undefined,
      notes: `${sessions.length} officers; ${get.requests.toLocaleString('en-GB')} requests, 0 errors`,
    })
    const save = await saveRun(
      settings,
      app.url + page.path,
      settings.load.seconds,
      sessions,
      await freshPages(sessions, page.path),
      savedVersions(file, page, officers),
      rate,
    )
    rows.push({
      name: `Officer save at an offered ${rate} req/s (open loop)`,
      rps: save.measured.rps,
      p50: ms(save.measured.p50),
      p99: ms(save.measured.p99),
      goal: goaled ? 'p99 < 100 ms, 0 errors, all saved' : 'recorded',
      met: goaled ? save.measured.p99 < 100 : undefined,
      notes: `${save.saves.toLocaleString('en-GB')} saves, all checked in the database`,
    })
  }
  return rows
}
