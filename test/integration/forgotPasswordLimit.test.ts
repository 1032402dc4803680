import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { csrfToken } from '../support/http'

// A file of its own: passport's strategy is global, so one app per test file.
const limited = testApp({ RESET_RATE_PER_HOUR: '2' })
afterAll(() => limited.close())
const unique = () => Math.random().toString(36).slice(2, 10)

describe('forgot password from one network', () => {
  it('when one IP address asks more than its hourly limit, then it is refused with 429', async () => {
    const agent = request.agent(limited.app)
    const token = await csrfToken(agent, '/forgot-password')
    const statuses = []
    for (let i = 0; i < 3; i++)
      statuses.push(
        (
          await agent
            .post('/forgot-password')
            .type('form')
            .send({ _csrf: token, email: `x-${unique()}@example.test` })
        ).status,
      )
    expect(statuses).toEqual([200, 200, 429])
  })
})
