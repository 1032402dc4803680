import http from 'node:http'
import { describe, expect, inject, it } from 'vitest'
import { runTs } from '../support/childProcess'
import { startServer } from '../support/serverProcess'
import { SQLITE_REFUSAL } from '../../src/clusterPrimary'

/** A GET on a connection of its own, so the primary hands each request to the next worker. */
function getOnNewConnection(url: string): Promise<{ status: number; etag: string; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { Connection: 'close' } }, (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: String(res.headers.etag), body }))
      })
      .once('error', reject)
  })
}

/** The worker that answered each request, from the request log lines (pino writes its pid in each). */
function pidsByUrl(output: string): Map<string, number> {
  const pids = new Map<string, number>()
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue
    const entry = JSON.parse(line) as { pid: number; req?: { url?: string } }
    if (entry.req?.url) pids.set(entry.req.url, entry.pid)
  }
  return pids
}

const postgresUrl = inject('postgresUrl')

describe('npm run start:cluster', () => {
  it('when the database is SQLite, then it refuses to start, saying why and what to run instead', async () => {
    const result = await runTs('src/cluster.ts', [], { NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:' })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(SQLITE_REFUSAL)
    expect(SQLITE_REFUSAL).toContain('SQLite allows one writer at a time')
    expect(result.stdout).not.toContain('running at')
  })

  // Runs in the PostgreSQL run (npm run test:pg, as CI does); the SQLite run has no server to give it.
  it.skipIf(!postgresUrl)(
    'when it runs 2 workers on PostgreSQL, then both serve a profile with one ETag, a killed worker is replaced, and SIGTERM stops all cleanly',
    async () => {
      const cluster = await startServer(
        'src/cluster.ts',
        {
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          DEMO_DATA: 'false',
          WEB_CONCURRENCY: '2',
          DATABASE_URL: postgresUrl!,
        },
        'with 2 workers',
      )
      try {
        const answers = []
        for (let n = 0; n < 8; n++)
          answers.push(await getOnNewConnection(`${cluster.baseUrl}/cities/enschede-nld/2020?n=${n}`))
        expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200))
        expect(answers.every((a) => a.body.includes('Enschede'))).toBe(true)
        expect(new Set(answers.map((a) => a.etag)).size).toBe(1)
        expect(answers[0].etag).toMatch(/^W\/"/)
        // Each worker logs a request once its answer has gone: wait for all eight lines.
        await cluster.waitFor('/cities/enschede-nld/2020?n=7"', 10_000)
        const pids = pidsByUrl(cluster.output())
        const workers = new Set(
          Array.from({ length: 8 }, (_, n) => pids.get(`/cities/enschede-nld/2020?n=${n}`)),
        )
        expect(workers.size).toBe(2)
        expect(workers.has(cluster.pid)).toBe(false)

        // A static file's tag comes from its bytes, so it too is the same from both workers.
        const css = await Promise.all(
          [1, 2, 3, 4].map(() => getOnNewConnection(`${cluster.baseUrl}/assets/govuk/govuk-frontend.min.js`)),
        )
        expect(css.map((c) => c.status)).toEqual([200, 200, 200, 200])
        expect(new Set(css.map((c) => c.etag)).size).toBe(1)

        const [victim] = workers
        process.kill(victim!, 'SIGKILL')
        await cluster.waitFor(`worker ${victim} died (SIGKILL); starting another`, 10_000)
        const servingLines = () => cluster.output().match(/Worker \d+ is serving/g)?.length ?? 0
        const deadline = Date.now() + 30_000
        while (servingLines() < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
        expect(servingLines()).toBe(3)
        const after = await Promise.all(
          [0, 1, 2, 3].map((n) => getOnNewConnection(`${cluster.baseUrl}/healthz?after=${n}`)),
        )
        expect(after.map((a) => a.body)).toEqual(Array(4).fill('{"status":"ok"}'))
      } finally {
        const code = await cluster.stop('SIGTERM')
        expect(cluster.output()).toContain('SIGTERM: stopping 2 worker(s)')
        expect(cluster.output()).toContain('all workers stopped"')
        expect(code).toBe(0)
      }
    },
    // Three processes compile the app with tsx; on two busy cores that took up to 20 s.
    120_000,
  )
})
