import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** A port nobody listens on right now (the OS picks it; PORT=0 would hide it from us). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

// Children still running when the runner exits (an error, Ctrl-C) are stopped with it.
const running = new Set<ChildProcess>()
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')))
process.once('SIGINT', () => process.exit(130))

export interface Child {
  process: ChildProcess
  pid: number
  port: number
  url: string
  output: () => string
  stop: () => Promise<void>
}

/**
 * Runs a TypeScript entry point as its own process: `node --import tsx` rather than the
 * tsx wrapper, so the pid we hold is the server itself (its RSS is what we measure).
 */
export function spawnTs(entry: string, args: string[], env: Record<string, string>, port: number): Child {
  // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the servers under load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, entry), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    process: child,
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
}

/**
 * Polls the child until it answers 200; returns the milliseconds waited. A 200 counts only
 * once the child has said it listens on our port: between picking a free port and the
 * child binding it, another process on this shared machine may take the port, and we
 * must not measure theirs. Throws with the child's output if it exits or never answers.
 */
export async function waitFor200(child: Child, pathname = '/healthz', timeoutMs = 60_000): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < timeoutMs) {
    if (child.process.exitCode !== null) break
    if (!child.output().includes(`127.0.0.1:${child.port}/`)) {
      await new Promise((resolve) => setTimeout(resolve, 25))
      continue
    }
    try {
      const response = await fetch(child.url + pathname)
      await response.arrayBuffer()
      if (response.status === 200) return performance.now() - started
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(
    `${child.url}${pathname} did not answer 200 (exit ${child.process.exitCode}):\n${child.output()}`,
  )
}

/** Resident memory of a process in MB, from /proc (Linux); `peak` is the high-water mark. */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN)
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 }
  } catch {
    return undefined
  }
}

/** Runs a TypeScript script to completion in its own process and returns its stdout. */
export function runTs(entry: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    // BENCH_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the servers under load.
    const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, entry), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
    child.once('error', reject)
    child.once('exit', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${entry} exited with ${code}:\n${stderr}`)),
    )
  })
}
