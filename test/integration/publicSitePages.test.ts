import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'

const CONTACT = 'cities@survey.example.org'
const t = testApp({ CONTACT_EMAIL: CONTACT })
afterAll(() => t.close())

const titleOf = (html: string): string => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''

describe('the footer’s pages', () => {
  it('when a visitor opens the privacy notice, then it says what "Add your city" and accounts keep, why, for how long and whom to write to', async () => {
    const page = await request(t.app).get('/privacy')
    expect(page.status).toBe(200)
    expect(titleOf(page.text)).toBe('Privacy notice – City Innovation Survey')
    for (const said of [
      'your email address',
      'your role in city government',
      'Why:',
      'How long:',
      'audit log',
    ])
      expect(page.text).toContain(said)
    expect(page.text).toContain(`<a href="mailto:${CONTACT}">${CONTACT}</a>`)
    // Read without a session: no cookie is set on a public read.
    expect(page.headers['set-cookie']).toBeUndefined()
  })

  it('when a visitor opens the accessibility statement or the contact page, then each names the contact address', async () => {
    for (const [path, title] of [
      ['/accessibility', 'Accessibility statement'],
      ['/contact', 'Contact'],
    ]) {
      const page = await request(t.app).get(path)
      expect(page.status, path).toBe(200)
      expect(titleOf(page.text)).toBe(`${title} – City Innovation Survey`)
      expect(page.text).toContain(`mailto:${CONTACT}`)
    }
  })

  it('when any public page is opened, then its footer links the privacy notice, accessibility statement and contact', async () => {
    for (const path of [
      '/',
      '/cities',
      '/results/2020',
      '/open-data',
      '/add-your-city',
      '/login',
      '/no-such-page',
    ]) {
      const page = await request(t.app).get(path)
      const footer = /<footer[\s\S]*<\/footer>/.exec(page.text)?.[0] ?? ''
      for (const href of ['/privacy', '/accessibility', '/contact', '/open-data'])
        expect(footer, `${path} links ${href}`).toContain(`href="${href}"`)
    }
  })
})

describe('page titles', () => {
  it('when the home page is opened, then its title is the service’s name once', async () => {
    expect(titleOf((await request(t.app).get('/')).text)).toBe('City Innovation Survey')
  })

  it('when other public pages are opened, then their titles read "Page – Service" without repeating the service', async () => {
    for (const path of ['/cities', '/results', '/results/2020', '/open-data', '/cities/enschede-nld/2020']) {
      const title = titleOf((await request(t.app).get(path)).text)
      expect(title, path).toMatch(/^.+ – City Innovation Survey$/)
      expect(title.split('City Innovation Survey'), path).toHaveLength(2)
    }
  })
})

describe('the map', () => {
  it('when the home page is opened, then each city is a link with a target larger than its dot, a legend, and a way past the map to the list', async () => {
    const home = (await request(t.app).get('/')).text
    expect(home).toMatch(
      /<a href="\/cities\/enschede-nld" class="city" aria-label="Enschede, Netherlands"><title>Enschede, Netherlands<\/title><circle class="city-target" [^>]*r="12"><\/circle><circle class="city-dot" [^>]*r="5">/,
    )
    expect(home).toContain('class="cis-map-legend"')
    expect(home).toContain('<a class="cis-skip-map" href="#city-list">')
    expect(home).toContain('id="city-list"')
  })

  it('when a city’s profile is opened, then a locator map marks that city', async () => {
    const profile = (await request(t.app).get('/cities/enschede-nld/2020')).text
    const locator = /<figure class="cis-locator">([\s\S]*?)<\/figure>/.exec(profile)?.[1] ?? ''
    expect(locator).toContain('class="city-dot city-dot--here"')
    expect(locator).toContain('Enschede, Netherlands')
    // Clipped to the region: a few kilobytes, not the world's shapes.
    expect(locator.length).toBeLessThan(12_000)
  })
})
