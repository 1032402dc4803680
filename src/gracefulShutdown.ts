import http, { type RequestListener, type Server, type ServerResponse } from 'node:http'
import net from 'node:net'

/** How long an idle keep-alive connection may still bring a request after the signal. */
const IDLE_GRACE_MS = 250

export interface ShutdownOptions {
  /** How long requests in flight may take to finish after the signal. */
  drainMs: number
  /** Closes what the requests used (the database), once they are done. */
  close: () => Promise<void>
  log: (message: string) => void
  exit?: (code: number) => void
}

/**
 * An HTTP server that stops gracefully: on the first signal it stops accepting connections,
 * closes idle keep-alive sockets, answers every request in flight (and any that was already on its
 * way over an open connection) with `Connection: close`, then closes the database and exits 0.
 * Requests still running after `drainMs` are cut and the exit code is 1.
 *
 * A repeated signal only logs: supervisors signal the whole process group and loaders relay
 * signals, so a second SIGTERM often arrives milliseconds after the first and must not cut the
 * drain (the default action of an unhandled SIGTERM is to end the process at once).
 */
export function drainableServer(app: RequestListener, options: ShutdownOptions) {
  const exit = options.exit ?? ((code: number) => process.exit(code))
  const inFlight = new Set<ServerResponse>()
  let stopping = false
  const server: Server = http.createServer((req, res) => {
    inFlight.add(res)
    res.once('close', () => inFlight.delete(res))
    if (stopping) closeAfter(res)
    app(req, res)
  })

  function closeAfter(res: ServerResponse): void {
    // Node ends the socket after a response that says so, so the client opens no new request on it.
    if (!res.headersSent) res.setHeader('Connection', 'close')
    // A response whose headers were sent before the signal (a streamed export) cannot say so:
    // its socket is closed as soon as it falls idle.
    res.once('finish', () => setImmediate(() => server.closeIdleConnections()))
  }

  function shutdown(signal: string): void {
    if (stopping) {
      options.log(`${signal} again: still finishing ${inFlight.size} request(s) in flight`)
      return
    }
    stopping = true
    options.log(`${signal}: finishing ${inFlight.size} request(s) in flight, then stopping`)
    for (const res of inFlight) closeAfter(res)
    let finishing: Promise<void> | undefined
    const finish = (code: number) =>
      (finishing ??= options.close().then(
        () => exit(code),
        () => exit(1),
      ))
    const deadline = setTimeout(() => {
      options.log(`${inFlight.size} request(s) still running after ${options.drainMs} ms: stopping them`)
      server.closeAllConnections()
      void finish(1)
    }, options.drainMs)
    // Stop listening without http.Server#close's immediate closing of idle keep-alive sockets: a
    // client may be writing its next request on one at this very moment, and would get a reset.
    // For a moment, each such request is answered (with `Connection: close`); then the sockets
    // still idle are closed.
    net.Server.prototype.close.call(server, () => {
      clearTimeout(deadline)
      void finish(0)
    })
    setTimeout(() => server.closeIdleConnections(), IDLE_GRACE_MS)
  }

  return { server, shutdown }
}
