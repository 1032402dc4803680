import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { officerAgent } from '../support/accountsFactories'
import { mainText } from '../support/profilesFactories'

const t = testApp()
afterAll(() => t.close())

describe('error pages say what happened and where to go', () => {
  it('when a page does not exist, then "Page not found" is said once, with what to check', async () => {
    const page = await request(t.app).get('/no-such-page')
    expect(page.status).toBe(404)
    const text = mainText(page.text)
    expect(text.match(/Page not found/g)).toHaveLength(1)
    expect(text).toContain('If you typed the web address, check it is correct.')
  })

  it('when a city has no profile for the year asked, then the page names the years it took part in and links them', async () => {
    const page = await request(t.app).get('/cities/enschede-nld/2018')
    expect(page.status).toBe(404)
    const text = mainText(page.text)
    expect(text).toContain(
      'Enschede has no published profile for 2018. Enschede took part in the survey only in 2020.',
    )
    expect(page.text).toContain('<a href="/cities/enschede-nld/2020">Enschede’s 2020 profile</a>')
    expect(text.match(/Page not found/g)).toHaveLength(1)
  })

  it('when an officer opens an administration page, then the 403 names their account and role and says how to get access', async () => {
    const { agent, officer } = await officerAgent(t)
    const page = await agent.get('/admin/users')
    expect(page.status).toBe(403)
    const text = mainText(page.text)
    expect(text).toContain('This page is for survey administrators.')
    expect(text).toContain(`You are signed in as`)
    expect(text).toContain(`(${officer.email}), a city innovation officer.`)
    expect(text).toContain('How to get access')
    expect(page.text).toContain('href="/survey">Go to your city’s survey</a>')
  })
})
