// The few parts of autocannon 9's API the harness uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface Histogram {
    average: number
    mean: number
    p50: number
    p99: number
    max: number
  }

  export interface Client extends EventEmitter {
    setHeaders(headers: Record<string, string>): void
    setBody(body: string | Buffer): void
    setHeadersAndBody(headers: Record<string, string>, body: string | Buffer): void
  }

  export interface Options {
    url: string
    connections?: number
    duration?: number
    amount?: number
    timeout?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    setupClient?: (client: Client) => void
  }

  export interface Result {
    requests: Histogram
    latency: Histogram
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    statusCodeStats: Record<string, { count: number }>
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void
  }

  function autocannon(options: Options): Instance
  export default autocannon
}
