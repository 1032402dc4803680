import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_SESSION_SECRET, loadConfig } from '../../src/config'

describe('configuration', () => {
  it('when nothing is set, then it uses the SQLite file, port 3000 and demo data', () => {
    const config = loadConfig({})
    expect(config.database).toEqual({ client: 'sqlite3', filename: 'data/app.sqlite3' })
    expect(config.port).toBe(3000)
    expect(config.demoData).toBe(true)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('when DATABASE_URL is sqlite:PATH or postgres://, then it picks that database', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }).database).toEqual({
      client: 'sqlite3',
      filename: '/tmp/x.db',
    })
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({
      client: 'pg',
      connectionString: 'postgres://u@h/db',
    })
  })

  it('when a value is malformed, then it fails fast naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL must start with sqlite: or postgres:\/\//,
    )
  })

  const production = {
    NODE_ENV: 'production',
    SESSION_SECRET: 'a'.repeat(32),
    PUBLIC_BASE_URL: 'https://x.example',
  }

  it('when production keeps the default session secret, then it refuses to start', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: DEFAULT_SESSION_SECRET })).toThrow(
      ConfigError,
    )
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/)
  })

  it('when production asks for demo data, then it refuses demo accounts', () => {
    expect(() => loadConfig({ ...production, DEMO_DATA: 'true' })).toThrow(/demo accounts/)
    expect(loadConfig(production).demoData).toBe(false)
  })

  it('when production has no public address, then it refuses to start, and links never come from the request', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'a'.repeat(32) })).toThrow(
      /PUBLIC_BASE_URL/,
    )
    expect(() => loadConfig({ ...production, PUBLIC_BASE_URL: 'javascript:alert(1)' })).toThrow(
      /PUBLIC_BASE_URL/,
    )
    expect(loadConfig({ ...production, PUBLIC_BASE_URL: 'https://survey.example.org/' }).publicBaseUrl).toBe(
      'https://survey.example.org',
    )
    expect(loadConfig({ PORT: '4000' }).publicBaseUrl).toBe('http://127.0.0.1:4000')
  })
})
