import { Writable } from 'node:stream'

const levels: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
}
const colours: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[31m' }
const reset = '\x1b[0m'

interface LogLine {
  level?: number
  time?: number
  msg?: string
  req?: { method?: string; url?: string }
  res?: { statusCode?: number }
  responseTime?: number
  err?: { message?: string; stack?: string }
}

/**
 * One pino JSON line as a line a person reads in a terminal: "10:21:07 INFO GET /survey 200 12 ms".
 * A line that is not JSON is passed through as it is.
 */
export function prettyLine(json: string, colour = true): string {
  let line: LogLine
  try {
    line = JSON.parse(json) as LogLine
  } catch {
    return json
  }
  const time = new Date(line.time ?? Date.now()).toISOString().slice(11, 19)
  const level = levels[line.level ?? 30] ?? String(line.level)
  const paint = (text: string) =>
    colour && colours[line.level ?? 30] ? `${colours[line.level!]}${text}${reset}` : text
  const request =
    line.req && line.res
      ? `${line.req.method} ${line.req.url} ${line.res.statusCode}${line.responseTime === undefined ? '' : ` ${line.responseTime} ms`}`
      : ''
  const message =
    request && line.msg === 'request completed' ? request : [line.msg, request].filter(Boolean).join(' ')
  const error = line.err?.stack ? `\n${line.err.stack}` : ''
  return `${time} ${paint(level.padEnd(5))} ${message}${error}`
}

/**
 * A small pino destination for development in a terminal (no extra dependency, no worker):
 * readable lines instead of JSON. Production and pipes keep pino's JSON lines.
 */
export function prettyStream(out: NodeJS.WritableStream = process.stdout): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const json of chunk.toString('utf8').split('\n')) if (json) out.write(`${prettyLine(json)}\n`)
      done()
    },
  })
}
