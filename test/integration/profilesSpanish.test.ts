import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { emptyTestApp, type TestApp } from '../support/testApp'
import { mainText } from '../support/profilesFactories'
import { publishSpanishProfiles, type SpanishProfiles } from '../support/spanishProfiles'

/** Profiles, results and PDFs in Spanish where a year's translation is complete (issue 19). */
let t: TestApp
let seeded: SpanishProfiles
beforeAll(async () => {
  t = await emptyTestApp()
  seeded = await publishSpanishProfiles(t)
})
afterAll(() => t.close())

const profilePath = (year: number) => `/cities/${seeded.city.slug}/${year}`
/** Every whole percent in the text, in order: "71%" and "71 %" alike. */
const shares = (text: string): number[] => [...text.matchAll(/(\d+)\s?%/g)].map((m) => Number(m[1]))
const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1]

describe('a profile in Spanish', () => {
  it('says what the English says, with the same numbers, in Spanish words and plurals', async () => {
    const englishPage = await request(t.app).get(profilePath(seeded.complete))
    const spanishPage = await request(t.app).get(`${profilePath(seeded.complete)}?lang=es`)
    const en = mainText(englishPage.text)
    const es = mainText(spanishPage.text)
    expect(en).toContain(
      'Like 71% of cities surveyed, Villaverde has dedicated funding to support innovation capacity.',
    )
    // mainText reads a no-break space as a space; the page writes "71 %" with one, as Spanish does.
    expect(es).toContain(
      'Como el 71 % de las ciudades encuestadas, Villaverde tiene financiación específica para apoyar su capacidad de innovación.',
    )
    expect(spanishPage.text).toContain('<strong class="cis-share">71\u00a0%</strong>')
    expect(en).toContain('Villaverde uses 2 innovation skills: service design and data analysis.')
    expect(es).toContain(
      'Villaverde usa 2 competencias de innovación: diseño de servicios y análisis de datos.',
    )
    expect(shares(es)).toEqual(shares(en))
    expect(shares(es).length).toBeGreaterThan(0)
    expect(es).toContain('Los porcentajes de esta página se refieren a 7 ciudades encuestadas')
    expect(es).toContain('Cómo innova Villaverde')
    expect(es).not.toContain('Survey years')
    // Chart bars in Spanish plurals: one city, five cities.
    const charts = mainText(spanishPage.text, { charts: true })
    expect(charts).toMatch(/Sí : 5 ciudades .*No : 2 ciudades/)
    expect(charts).toMatch(/Financiación específica/)
  })

  it('sets the page language, names each language with hreflang, and remembers the choice', async () => {
    const page = await request(t.app).get(`${profilePath(seeded.complete)}?lang=es`)
    expect(htmlLang(page.text)).toBe('es')
    const base = t.config.publicBaseUrl.replace(/\/$/, '')
    const address = `${base}${profilePath(seeded.complete)}`
    expect(page.text).toContain(`<link rel="alternate" hreflang="en" href="${address}?lang=en">`)
    expect(page.text).toContain(`<link rel="alternate" hreflang="es" href="${address}?lang=es">`)
    expect(page.text).toContain(`<link rel="alternate" hreflang="x-default" href="${address}">`)
    expect(String(page.headers['set-cookie'])).toContain('cis.lang=es')
    // The cookie alone brings Spanish back, on the address without ?lang=.
    const again = await request(t.app).get(profilePath(seeded.complete)).set('Cookie', 'cis.lang=es')
    expect(htmlLang(again.text)).toBe('es')
    expect(mainText(again.text)).toContain('Como el 71 %')
    const english = await request(t.app).get(profilePath(seeded.complete))
    expect(htmlLang(english.text)).toBe('en')
  })

  it('is English, saying so in Spanish, where the year’s translation is not complete', async () => {
    const page = await request(t.app).get(`${profilePath(seeded.incomplete)}?lang=es`)
    expect(htmlLang(page.text)).toBe('en')
    expect(page.text).toContain(
      '<p class="language-switcher__note" lang="es" id="untranslated-note">Esta página aún no está traducida al español',
    )
    const text = mainText(page.text)
    expect(text).toContain('Like 71% of cities surveyed, Villaverde has dedicated funding')
    expect(text).not.toMatch(/Como el|Cómo innova|ciudades/)
    expect(page.text).toContain('hreflang="en"')
    expect(page.text).not.toContain('hreflang="es"')
  })

  it('has an ETag per language, and answers 304 to each language’s own', async () => {
    const path = profilePath(seeded.complete)
    const en = await request(t.app).get(path).set('Accept-Encoding', 'identity')
    const es = await request(t.app).get(path).set('Accept-Encoding', 'identity').set('Cookie', 'cis.lang=es')
    expect(en.headers.etag).toBeTruthy()
    expect(es.headers.etag).not.toBe(en.headers.etag)
    expect(String(es.headers.vary)).toMatch(/Cookie/)
    const esAgain = await request(t.app)
      .get(path)
      .set('Accept-Encoding', 'identity')
      .set('Cookie', 'cis.lang=es')
      .set('If-None-Match', es.headers.etag)
    expect(esAgain.status).toBe(304)
    const enAgain = await request(t.app)
      .get(path)
      .set('Accept-Encoding', 'identity')
      .set('If-None-Match', en.headers.etag)
    expect(enAgain.status).toBe(304)
    // English's tag does not stand for the Spanish page.
    const crossed = await request(t.app)
      .get(path)
      .set('Accept-Encoding', 'identity')
      .set('Cookie', 'cis.lang=es')
      .set('If-None-Match', en.headers.etag)
    expect(crossed.status).toBe(200)
    expect(htmlLang(crossed.text)).toBe('es')
    // Brotli bytes of the Spanish page are Spanish too.
    const br = await request(t.app).get(`${path}?lang=es`).set('Accept-Encoding', 'br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(mainText(br.text)).toContain('Como el 71 %')
  })

  it('makes each snapshot once per language at regeneration', async () => {
    const edition = (await t.repos.editions.findByYear(seeded.complete))!
    const rows: Array<{ locale: string; n: number | string }> = await t
      .knex('profile_snapshots')
      .where({ edition_id: edition.id })
      .groupBy('locale')
      .select('locale')
      .count({ n: '*' })
    expect(Object.fromEntries(rows.map((r) => [r.locale, Number(r.n)]))).toEqual({ en: 7, es: 7 })
    const half = (await t.repos.editions.findByYear(seeded.incomplete))!
    const locales = await t.knex('edition_aggregates').where({ edition_id: half.id }).pluck('locale')
    expect(locales).toEqual(['en'])
  })
})

describe('the profile PDF in Spanish', () => {
  it('is written in Spanish, and its document language says so', async () => {
    const pdf = await request(t.app)
      .get(`${profilePath(seeded.complete)}.pdf?lang=es`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    const bytes = pdf.body as Buffer
    expect(bytes.toString('latin1')).toMatch(/\/Lang \(es\)/)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-es-'))
    const file = path.join(dir, 'profile.pdf')
    fs.writeFileSync(file, bytes)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    fs.rmSync(dir, { recursive: true })
    expect(text).toContain('Como el 71 % de las ciudades encuestadas')
    expect(text).toContain('Perfil de innovación 2050')
    expect(text).toMatch(/Página 1 de \d/)
    expect(text).toContain('Respuestas de Villaverde')
  })
})

describe('results and home in Spanish', () => {
  it('shows a translated year’s results in Spanish, with the same shares', async () => {
    const en = await request(t.app).get(`/results/${seeded.complete}`)
    const es = await request(t.app).get(`/results/${seeded.complete}?lang=es`)
    expect(htmlLang(es.text)).toBe('es')
    expect(mainText(es.text)).toContain(`Resultados de la encuesta de ${seeded.complete}`)
    expect(mainText(es.text, { charts: true })).toContain(
      '¿Tiene la ciudad financiación específica para la innovación?',
    )
    expect(shares(mainText(es.text, { charts: true }))).toEqual(shares(mainText(en.text, { charts: true })))
  })

  it('shows the half-translated year’s results in English, saying so', async () => {
    const es = await request(t.app).get(`/results/${seeded.incomplete}?lang=es`)
    expect(htmlLang(es.text)).toBe('en')
    expect(es.text).toContain('id="untranslated-note"')
  })
})

describe('the footer’s pages in Spanish', () => {
  it('gives the privacy notice, accessibility statement and contact page in Spanish, and English by default', async () => {
    for (const [path, heading, english] of [
      ['/privacy', 'Aviso de privacidad', 'Privacy notice'],
      ['/accessibility', 'Declaración de accesibilidad', 'Accessibility statement'],
      ['/contact', 'Contacto', 'Contact'],
    ]) {
      const es = await request(t.app).get(`${path}?lang=es`)
      expect(htmlLang(es.text)).toBe('es')
      expect(es.text).toContain(`<h1 class="h-xl">${heading}</h1>`)
      expect(es.text).toContain('hreflang="es"')
      const en = await request(t.app).get(path)
      expect(en.text).toContain(`<h1 class="h-xl">${english}</h1>`)
    }
  })
})
