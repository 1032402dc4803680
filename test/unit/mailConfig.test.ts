import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config'

describe('mail configuration', () => {
  it('when MAIL_URL is smtp:// or smtps://, then it is used; anything else is refused at start', () => {
    expect(loadConfig({ MAIL_URL: 'smtp://u:p@relay.example.org:587' }).mail.url).toBe(
      'smtp://u:p@relay.example.org:587',
    )
    expect(loadConfig({ MAIL_URL: 'smtps://relay.example.org:465' }).mail.url).toBe(
      'smtps://relay.example.org:465',
    )
    expect(() => loadConfig({ MAIL_URL: 'http://relay.example.org' })).toThrow(/MAIL_URL/)
    expect(() => loadConfig({ MAIL_URL: 'relay.example.org:25' })).toThrow(/MAIL_URL/)
  })

  it('when MAIL_FROM is not set, then mail comes from no-reply at the host of PUBLIC_BASE_URL', () => {
    expect(loadConfig({}).mail).toEqual({
      url: undefined,
      from: 'City Innovation Survey <no-reply@localhost>',
    })
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://survey.example.org' }).mail.from).toBe(
      'City Innovation Survey <no-reply@survey.example.org>',
    )
    expect(loadConfig({ MAIL_FROM: 'Team <team@example.org>' }).mail.from).toBe('Team <team@example.org>')
  })
})
