import autocannon, { type Client, type Result } from 'autocannon'

export interface LoadOptions {
  connections: number
  seconds: number
  warmupSeconds: number
  method?: string
  headers?: Record<string, string>
  body?: string
  /**
   * Open loop: requests per second offered by all connections together, on a fixed schedule
   * (autocannon corrects latencies for coordinated omission: a late answer delays no send time).
   */
  overallRate?: number
  /** Gives each connection its own headers/body (e.g. its own officer's cookie and token). */
  setupClient?: (client: Client) => void
}

export interface Measured {
  rps: number
  p50: number
  p99: number
  requests: number
  statuses: Record<string, number>
  errors: number
}

const summarise = (result: Result): Measured => {
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
  )
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: Object.values(statuses).reduce((a, b) => a + b, 0),
    statuses,
    errors: result.errors,
  }
}

const run = async (url: string, options: LoadOptions, seconds: number) => {
  const { method, headers, body, setupClient, overallRate } = options
  // autocannon treats a key set to undefined as a value, so only the options given are passed.
  const extra = Object.fromEntries(
    Object.entries({ method, headers, body, setupClient, overallRate }).filter(
      ([, value]) => value !== undefined,
    ),
  )
  return summarise(await autocannon({ url, connections: options.connections, duration: seconds, ...extra }))
}

/**
 * Loads `url` from this process (the servers are other processes): a short warm-up,
 * then the measured run. Every status in the measured run must be `expected`, or the
 * case is broken rather than slow.
 */
export async function load(url: string, options: LoadOptions, expected: number[] = [200]): Promise<Measured> {
  if (options.warmupSeconds > 0) await run(url, options, options.warmupSeconds)
  const measured = await run(url, options, options.seconds)
  const unexpected = Object.keys(measured.statuses).filter((code) => !expected.includes(Number(code)))
  if (unexpected.length > 0 || measured.errors > 0 || measured.requests === 0) {
    throw new Error(
      `${url}: statuses ${JSON.stringify(measured.statuses)}, ${measured.errors} errors (expected ${expected.join('/')})`,
    )
  }
  return measured
}
