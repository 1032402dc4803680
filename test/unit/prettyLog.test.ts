import { describe, expect, it } from 'vitest'
import { prettyLine } from '../../src/middleware/prettyLog'

describe('readable log lines in development', () => {
  it('when a request is logged, then the line reads time, level, method, path, status and duration', () => {
    const json = JSON.stringify({
      level: 30,
      time: Date.parse('2026-12-03T10:21:07Z'),
      msg: 'request completed',
      req: { method: 'GET', url: '/survey/2026' },
      res: { statusCode: 200 },
      responseTime: 12,
    })
    expect(prettyLine(json, false)).toBe('10:21:07 INFO  GET /survey/2026 200 12 ms')
  })

  it('when an error is logged, then its message and stack follow', () => {
    const json = JSON.stringify({
      level: 50,
      time: 0,
      msg: 'request failed',
      err: { stack: 'Error: boom\n    at x' },
    })
    expect(prettyLine(json, false)).toBe('00:00:00 ERROR request failed\nError: boom\n    at x')
  })

  it('when a line is not JSON, then it is passed through', () => {
    expect(prettyLine('plain text', false)).toBe('plain text')
  })
})
