import { spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { root } from './childProcess'

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export interface ServerProcess {
  baseUrl: string
  pid: number
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>
  /** Waits until the output contains `text`. */
  waitFor: (text: string, timeoutMs?: number) => Promise<void>
  /** Signals the process and waits for it to end; SIGKILL after `timeoutMs`. */
  stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<number | null>
}

/**
 * Starts an entry point of ours as `node --import tsx` on a free port of 127.0.0.1 (what a
 * supervisor runs), with exactly the environment given plus PATH, and waits until `readyText` (by
 * default the address it listens at) is printed.
 */
export async function startServer(
  entry: string,
  env: Record<string, string>,
  readyText?: string,
): Promise<ServerProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let ended = false
  void exited.then(() => (ended = true))

  const waitFor = async (text: string, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs
    while (!output.includes(text)) {
      if (ended) throw new Error(`${entry} ended before printing "${text}":\n${output}`)
      if (Date.now() > deadline) throw new Error(`${entry} did not print "${text}":\n${output}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000) => {
    if (ended) return exited
    child.kill(signal)
    const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    const code = await exited
    clearTimeout(killer)
    return code
  }
  try {
    await waitFor(readyText ?? `127.0.0.1:${port}/`)
  } catch (error) {
    await stop('SIGKILL')
    throw error
  }
  return { baseUrl: `http://127.0.0.1:${port}`, pid: child.pid ?? 0, output: () => output, exited, waitFor, stop }
}
