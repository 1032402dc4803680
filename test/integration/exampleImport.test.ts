import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { postForm, signedInAgent } from '../support/http'
import { buildEdition } from '../support/authoringFactories'

/** The shipped example questionnaire goes in through the ordinary import page, as the README says. */
const t = testApp()
afterAll(() => t.close())

const file = path.resolve(
  import.meta.dirname,
  '../../src/questionnaire/definitions/examples/digitalServices2027.json',
)

describe('the digital-services example questionnaire', () => {
  it('when it is imported into a draft survey year, then its sections and pages are the year’s questionnaire', async () => {
    const edition = await buildEdition(t.repos)
    const year = edition.year
    const json = JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), year })
    const agent = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
    const form = `/admin/editions/${year}/questionnaire/import`
    const imported = await postForm(agent, form, form, { definition: json })
    expect(imported.status, imported.text.slice(0, 2000)).toBe(302)
    const stored = await t.repos.editions.findByYear(year)
    expect(stored?.definition.sections.map((s) => s.title)).toEqual([
      'Online services',
      'Digital team and skills',
      'Open source and open data',
    ])
    const page = await agent.get(`/admin/editions/${year}/questionnaire/preview/services/services_offered`)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Which services can residents complete fully online?')
    const grid = await agent.get(`/admin/editions/${year}/questionnaire/preview/team/team`)
    expect(grid.text).toContain('How would you rate the municipality’s own skills in each of these areas?')
  })
})
