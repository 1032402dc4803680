import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'

const t = testApp()
afterAll(() => t.close())

describe('foundation', () => {
  it('when the database answers, then /healthz says ok', async () => {
    const response = await request(t.app).get('/healthz')
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ status: 'ok' })
  })

  it('when a visitor opens the home page, then it lists the survey years and Enschede', async () => {
    const response = await request(t.app).get('/')
    expect(response.status).toBe(200)
    expect(response.text).toContain('href="/cities/enschede-nld"')
    expect(response.text).toMatch(/2018/)
    expect(response.text).toMatch(/2020/)
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/)
  })

  it('when an anonymous visitor reads a public page, then no session is created', async () => {
    const before = await t.knex('sessions').count<{ n: number }[]>({ n: '*' })
    const response = await request(t.app).get('/')
    expect(response.headers['set-cookie']).toBeUndefined()
    const after = await t.knex('sessions').count<{ n: number }[]>({ n: '*' })
    expect(Number(after[0].n)).toBe(Number(before[0].n))
  })

  it('when a page does not exist, then a 404 page offers a way home', async () => {
    const response = await request(t.app).get('/no-such-page')
    expect(response.status).toBe(404)
    expect(response.text).toContain('Page not found')
    expect(response.text).toContain('href="/"')
  })
})
