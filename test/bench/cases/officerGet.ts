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

export interface OfficerGet {
  row: Row
  /** The page measured, if it is a question page (the save case needs one). */
  measured?: Measured
  path?: string
}

/**
 * A signed-in officer reading a question page of the open edition: session, passport,
 * CSRF token and the page's stored answers on every request.
 */
export async function officerGetCase(
  settings: Settings,
  app: Child,
  measureOk: () => Promise<Measured>,
  page: QuestionPage,
  sessions: Session[],
): Promise<OfficerGet> {
  const goal = "≥ 0.12 × res.send('ok')"
  let path = page.path
  let note = "reference: res.send('ok')"
  if ((await sessions[0].get(path)).status !== 200) {
    path = '/survey'
    note = `${page.path} missing, measured /survey instead; ${note}`
    if ((await sessions[0].get(path)).status !== 200) {
      return { row: { name: 'Signed-in officer GET of a question page', goal, notes: 'n/a — route missing' } }
    }
  }
  const ok = await measureOk()
  const measured = await load(app.url + path, {
    ...settings.load,
    setupClient: eachConnectionAnOfficer(sessions.length, (client, i) =>
      client.setHeaders({ cookie: sessions[i].cookie }),
    ),
  })
  const ratio = measured.rps / ok.rps
  const row: Row = {
    name: `Signed-in officer GET ${path}`,
    rps: measured.rps,
    p50: ms(measured.p50),
    p99: ms(measured.p99),
    referenceRps: ok.rps,
    ratio,
    goal,
    met: ratio >= 0.12,
    notes: `${sessions.length} officers, one connection each; ${note}`,
  }
  return path === page.path ? { row, measured, path } : { row }
}
