import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { emptyTestApp, type TestApp } from '../support/testApp'
import { csrfToken, type Agent } from '../support/http'
import { adminAgent } from '../support/accountsFactories'

/**
 * The shipped example questionnaire starts a deployment without demo data: the first survey year is
 * created from the file on the new survey year form, as the README says.
 */
let t: TestApp
let admin: Agent
beforeAll(async () => {
  t = await emptyTestApp()
  admin = (await adminAgent(t)).agent
})
afterAll(() => t.close())

const file = path.resolve(
  import.meta.dirname,
  '../../src/questionnaire/definitions/examples/digitalServices2027.json',
)

describe('the digital-services example questionnaire', () => {
  it('when it is imported as the first survey year of an empty deployment, then its sections and pages are that year’s questionnaire', async () => {
    expect(await t.repos.editions.list()).toEqual([])
    const year = 2027
    const newForm = '/admin/editions/new'
    const created = await admin
      .post(newForm)
      .type('form')
      .send({
        _csrf: await csrfToken(admin, newForm),
        year: String(year),
        start: 'import',
        definition: fs.readFileSync(file, 'utf8'),
      })
    expect(created.status, created.text.slice(0, 2000)).toBe(302)
    const stored = await t.repos.editions.findByYear(year)
    expect(stored?.definition.sections.map((s) => s.title)).toEqual([
      'Online services',
      'Digital team and skills',
      'Open source and open data',
    ])
    expect(stored?.definition.profile.blocks.map((block) => block.key)).toEqual([
      'facts',
      'online_services',
      'skills',
      'publishing',
      'plans',
    ])
    const page = await admin.get(`/admin/editions/${year}/questionnaire/preview/services/services_offered`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Which services can residents complete fully online?')
    const grid = await admin.get(`/admin/editions/${year}/questionnaire/preview/team/team`)
    expect(grid.text).toContain('How would you rate the municipality’s own skills in each of these areas?')
  })
})
