import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { csrfFrom, postForm, signedInAgent } from '../support/http'
import { buildEdition } from '../support/reviewFactories'
import { freeYear } from '../support/authoringFactories'

/**
 * The administrator's settings page for the survey's identity. On a PostgreSQL run the database is
 * shared by every file: the site-wide change here is to the footer's line only (no other test reads
 * it), undone at once; a survey year's own settings are set on a year this file builds.
 */
const t = testApp()
afterAll(() => t.close())

const admin = () => signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)

const attachmentName = (response: request.Response): string =>
  /filename="?([^";]+)"?/.exec(String(response.headers['content-disposition']))?.[1] ?? ''

describe('the identity settings page', () => {
  it('when an officer or a visitor asks for it, then it is refused', async () => {
    const anonymous = await request(t.app).get('/admin/settings')
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.location).toMatch(/^\/login/)
    const officer = await signedInAgent(t.app, 'enschede.officer@example.org', DEMO_PASSWORD)
    const refused = await officer.get('/admin/settings')
    expect(refused.status).toBe(403)
    expect(refused.text).not.toContain('File name prefix')
  })

  it('when values break the rules, then every problem is listed, the input kept, and nothing saved', async () => {
    const agent = await admin()
    const page = await agent.get('/admin/settings')
    expect(page.status).toBe(200)
    for (const label of ['Survey name', 'Profile title', 'What takes part (several)', 'File name prefix'])
      expect(page.text).toContain(label)
    expect(page.text).toContain('Left blank: “city-innovation-survey”.')
    const response = await agent
      .post('/admin/settings')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        surveyName: 'Digital Services Survey',
        filePrefix: 'Digital Services!',
        unitPlural: 'm'.repeat(41),
      })
    expect(response.status).toBe(400)
    expect(response.text).toContain('There is a problem')
    expect(response.text).toContain(
      '<a href="#filePrefix">File name prefix must be lower-case letters and digits joined by “-”, for example digital-services</a>',
    )
    expect(response.text).toContain('What takes part (several) must be 40 characters or fewer')
    expect(response.text).toContain('value="Digital Services!"')
    expect(response.text).toContain('value="Digital Services Survey"')
    const home = await request(t.app).get('/')
    expect(home.text).toContain('<title>City Innovation Survey</title>')
  })

  it('when a value is saved, then every page shows it at once, and blanking it brings the default back', async () => {
    const agent = await admin()
    const saved = await postForm(agent, '/admin/settings', '/admin/settings', {
      footerAbout: 'a test of the settings page.',
    })
    try {
      expect(saved.status).toBe(302)
      expect(saved.headers.location).toBe('/admin/settings')
      const confirmation = await agent.get('/admin/settings')
      expect(confirmation.text).toContain('Settings saved: every page uses them now')
      expect(confirmation.text).toContain('value="a test of the settings page."')
      const home = await request(t.app).get('/')
      expect(home.text).toContain('<strong>City Innovation Survey</strong>: a test of the settings page.')
      const audit = await t.repos.audit.latest(5)
      expect(audit.find((entry) => entry.type === 'identity.updated')?.detail).toEqual({
        footerAbout: 'a test of the settings page.',
      })
    } finally {
      await postForm(agent, '/admin/settings', '/admin/settings', { footerAbout: '' })
    }
    const home = await request(t.app).get('/')
    expect(home.text).toContain(
      '<strong>City Innovation Survey</strong>: an annual benchmark of innovation capacity in city government.',
    )
  })

  it('when a survey year sets its own wording, then its exports use it and other years keep the site’s', async () => {
    const edition = await buildEdition(t.repos)
    const year = edition.year
    const agent = await admin()
    const form = `/admin/editions/${year}/identity`
    const page = await agent.get(form)
    expect(page.status).toBe(200)
    expect(page.text).toContain(`Survey year ${year}`)
    expect(page.text).not.toContain('name="description"')
    const refused = await postForm(agent, form, form, { filePrefix: '-bad-' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('File name prefix must be lower-case letters')
    const saved = await postForm(agent, form, form, { filePrefix: 'year-own', profileTitle: 'Year profile' })
    try {
      expect(saved.status).toBe(302)
      const settings = await agent.get('/admin/settings')
      expect(settings.text).toContain(`Survey year ${year}</a>: sets its own profile title, file name prefix`)
      const own = await agent.get(`/admin/editions/${year}/codebook.csv`)
      expect(attachmentName(own)).toBe(`year-own-${year}-codebook.csv`)
      expect((await t.services.identity.forYear(year)).profileTitle).toBe('Year profile')
      const other = await agent.get('/admin/editions/2020/codebook.csv')
      expect(attachmentName(other)).toBe('city-innovation-survey-2020-codebook.csv')
    } finally {
      await postForm(agent, form, form, {})
    }
    const again = await agent.get(`/admin/editions/${year}/codebook.csv`)
    expect(attachmentName(again)).toBe(`city-innovation-survey-${year}-codebook.csv`)
  })

  it('when a year that does not exist is asked for, then the page is not found', async () => {
    const agent = await admin()
    const year = await freeYear(t.repos)
    const response = await agent.get(`/admin/editions/${year}/identity`)
    expect(response.status).toBe(404)
    expect(response.text).toContain(`There is no survey year ${year}`)
  })
})
