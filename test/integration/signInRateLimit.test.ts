import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildUser } from '../support/factories'
import { csrfFrom, signIn } from '../support/http'

// A file of its own: passport's strategy is process-wide, so one app per test file.
const limited = testApp({ LOGIN_RATE_PER_MINUTE: '3' })
afterAll(() => limited.close())

describe('sign-in rate limit', () => {
  it('when one address tries more sign-ins a minute than allowed, then the next is refused with 429, even with the right password', async () => {
    const user = await buildUser(limited.repos, { role: 'admin' })
    for (let i = 0; i < 3; i++) {
      const attempt = await signIn(request.agent(limited.app), user.email, `guess-${i}`)
      expect(attempt.status).toBe(401)
    }
    const refused = await signIn(request.agent(limited.app), user.email, user.password)
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('Too many sign-in attempts from your network')
    // What was typed is kept: the email address is back in its field.
    expect(refused.text).toMatch(
      new RegExp(`name="email"[^>]*value="${user.email.replace(/[.+]/g, '\\$&')}"`),
    )
    expect(refused.headers.location).toBeUndefined()
    const types = (await limited.knex('audit_log').where({ subject: user.email })).map((r) => r.type)
    expect(types).not.toContain('sign_in')
  })

  it('when a Spanish reader is refused for too many attempts, then the refusal is in Spanish', async () => {
    const agent = request.agent(limited.app)
    const page = await agent.get('/login?lang=es')
    let refused: request.Response | undefined
    for (let i = 0; i < 5 && refused?.status !== 429; i++)
      refused = await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), email: 'nobody@example.test', password: `guess-${i}` })
    expect(refused?.status).toBe(429)
    expect(refused?.text).toContain('<html lang="es"')
    expect(refused?.text).toContain('Demasiados intentos de inicio de sesión desde su red')
  })
})
