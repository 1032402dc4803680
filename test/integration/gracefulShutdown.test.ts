import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { root } from '../support/childProcess'

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A raw HTTP/1.1 connection, so the test controls when each byte of a request is sent. */
function connect(
  port: number,
): Promise<{ socket: net.Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let data = ''
    socket.on('data', (chunk) => (data += chunk.toString()))
    const closed = new Promise<void>((done) => socket.once('close', () => done()))
    socket.once('error', reject)
    socket.once('connect', () => resolve({ socket, received: () => data, closed }))
  })
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await wait(20)
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-shutdown-'))
let child: ChildProcess | undefined
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL')
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('graceful shutdown', () => {
  it('when SIGTERM arrives twice with a request in flight and an idle keep-alive connection, then the request is answered with Connection: close, new connections are refused and the process exits 0', async () => {
    const port = await freePort()
    // The production command: node itself receives the signals (no npm or tsx wrapper between).
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: `sqlite:${path.join(dir, 'app.sqlite3')}`,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (chunk) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)))
    await until(() => output.includes(`127.0.0.1:${port}/`), 'the server to listen', 60_000)

    // An idle keep-alive connection, after one answered request.
    const idle = await connect(port)
    idle.socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n')
    await until(() => idle.received().includes('"status":"ok"'), 'the health check')

    // A request in flight: its headers are in, half of its body is not.
    const body = 'email=someone%40example.org&password=x'
    const inFlight = await connect(port)
    inFlight.socket.write(
      'POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n' +
        `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    )
    await wait(300)

    const signalled = Date.now()
    child.kill('SIGTERM')
    await wait(50)
    child.kill('SIGTERM')
    await idle.closed
    await expect(connect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(child.exitCode).toBeNull()

    inFlight.socket.write(body.slice(10))
    await inFlight.closed
    const [head] = inFlight.received().split('\r\n\r\n')
    expect(head).toMatch(/^HTTP\/1\.1 \d{3} /)
    expect(head.toLowerCase()).toContain('connection: close')
    expect(await exited).toBe(0)
    console.log(`graceful shutdown: exited ${Date.now() - signalled} ms after the first SIGTERM`)
  }, 90_000)
})
