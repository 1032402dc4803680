import type { Client } from 'autocannon'
import { load, type Measured } from '../load'
import { Session } from '../session'
import { ms, type Row } from '../table'
import { BENCH_PASSWORD } from '../settings'
import type { Child } from '../processes'
import type { Settings } from '../settings'
import type { BenchOfficer, QuestionPage } from '../prepareDatabase'

/** Signs every officer in through the real /login (CSRF on), one session each. */
export async function signInAll(url: string, officers: BenchOfficer[]): Promise<Session[]> {
  const sessions: Session[] = []
  for (const officer of officers) {
    const session = new Session(url)
    await session.signIn(officer.email, BENCH_PASSWORD)
    sessions.push(session)
  }
  return sessions
}

/** Hands each new connection the next officer, so every connection is its own signed-in user. */
export function eachConnectionAnOfficer(count: number, setUp: (client: Client, officer: number) => void) {
  let next = 0
  return (client: Client) => setUp(client, next++ % count)
}

/** Issue 18's goal for node sqlite3 on one connection (0.12 × needed a synchronous driver). */
const GOAL = 0.08

export interface OfficerGet {
  row: Row
  measured: Measured
}

/**
 * A signed-in officer reading a question page of the open edition: session, passport,
 * CSRF token and the page's stored answers on every request. Each connection is its own
 * officer of their own city.
 */
export async function officerGetCase(
  settings: Settings,
  app: Child,
  measureOk: () => Promise<Measured>,
  page: QuestionPage,
  sessions: Session[],
): Promise<OfficerGet> {
  const first = await sessions[0].get(page.path)
  if (first.status !== 200) throw new Error(`${page.path} answered ${first.status} to a signed-in officer`)
  const ok = await measureOk()
  const measured = await load(app.url + page.path, {
    ...settings.load,
    setupClient: eachConnectionAnOfficer(sessions.length, (client, i) =>
      client.setHeaders({ cookie: sessions[i].cookie }),
    ),
  })
  const ratio = measured.rps / ok.rps
  const row: Row = {
    name: `Signed-in officer GET ${page.path} at saturation`,
    rps: measured.rps,
    p50: ms(measured.p50),
    p99: ms(measured.p99),
    referenceRps: ok.rps,
    ratio,
    goal: `≥ ${GOAL} × reference`,
    met: ratio >= GOAL,
    notes: `${sessions.length} officers, one connection each; reference: res.send('ok'); SQLite, one connection (no read pool)`,
  }
  return { row, measured }
}
