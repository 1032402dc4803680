import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { emptyTestApp, type TestApp } from '../support/testApp'
import { mainText } from '../support/profilesFactories'
import { publishSpanishProfiles } from '../support/spanishProfiles'

/** /cities and /open-data in Spanish (issue 19): their own words translated, English unchanged. */
let t: TestApp
beforeAll(async () => {
  t = await emptyTestApp()
  await publishSpanishProfiles(t)
})
afterAll(() => t.close())

const htmlLang = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1]

describe('the browse page in Spanish', () => {
  it('words its filters, counts and empty state in Spanish', async () => {
    const page = await request(t.app).get('/cities?lang=es')
    expect(htmlLang(page.text)).toBe('es')
    expect(page.text).not.toContain('id="untranslated-note"')
    const text = mainText(page.text)
    expect(text).toContain('Buscar por nombre')
    expect(text).toContain('Cualquier región')
    expect(text).toContain('Menos de 100.000')
    expect(text).toContain('Aplicar filtros')
    expect(page.text).toMatch(/<h2 class="h-m" id="results-count" aria-live="polite">7 ciudades<\/h2>/)
    // The filters are the questions of the year translated completely, not the newer English one's.
    expect(text).toContain('Competencias de innovación')
    expect(text).toContain('Diseño de servicios')
    expect(text).not.toMatch(/Innovation skills|Service design|Search by name|Any region|Apply filters/)
    expect(page.text).toContain('aria-label="Filtrar ciudades"')

    const one = await request(t.app).get('/cities?lang=es&q=villaverde')
    expect(one.text).toMatch(/id="results-count" aria-live="polite">1 de 7 ciudades<\/h2>/)
    expect(mainText(one.text)).toContain('Quitar los filtros')

    const none = await request(t.app).get('/cities?lang=es&q=zzzz')
    expect(none.text).toMatch(/id="results-count" aria-live="polite">0 de 7 ciudades<\/h2>/)
    expect(mainText(none.text)).toContain('No hay ciudades que coincidan con estos filtros.')
    expect(none.text).toContain(
      '<p>Pruebe a quitar un filtro, o <a href="/cities">vea todas las ciudades</a>.</p>',
    )
  })

  it('names each language with hreflang, and keeps English as it was', async () => {
    const page = await request(t.app).get('/cities?lang=es')
    const address = `${t.config.publicBaseUrl.replace(/\/$/, '')}/cities`
    expect(page.text).toContain(`<link rel="alternate" hreflang="en" href="${address}?lang=en">`)
    expect(page.text).toContain(`<link rel="alternate" hreflang="es" href="${address}?lang=es">`)
    expect(page.text).toContain(`<link rel="alternate" hreflang="x-default" href="${address}">`)
    const english = await request(t.app).get('/cities')
    expect(htmlLang(english.text)).toBe('en')
    const text = mainText(english.text)
    expect(text).toContain('Search by name')
    expect(text).toContain('Under 100,000')
    expect(text).toContain('Innovation skills')
    expect(english.text).toContain('aria-label="Filter cities"')
    expect(english.text).toMatch(/id="results-count" aria-live="polite">7 cities<\/h2>/)
    const none = await request(t.app).get('/cities?q=zzzz')
    expect(mainText(none.text)).toContain('No cities match these filters.')
    expect(none.text).toContain('<p>Try removing a filter, or <a href="/cities">see all cities</a>.</p>')
  })
})

describe('the open data page in Spanish', () => {
  it('explains the files in Spanish and says they are in English', async () => {
    const page = await request(t.app).get('/open-data?lang=es')
    expect(htmlLang(page.text)).toBe('es')
    expect(page.text).not.toContain('id="untranslated-note"')
    expect(page.text).toContain('<title>Datos abiertos')
    const text = mainText(page.text)
    expect(text).toContain('Descargas')
    expect(text).toContain('Los archivos están en inglés')
    expect(text).toContain('Años de encuesta publicados')
    expect(text).toContain('Las respuestas aprobadas de 2050')
    expect(text).toContain('Libro de códigos')
    expect(page.text).toContain('por ejemplo <code>funding.has_dedicated</code>.')
    expect(text).not.toMatch(/What the files hold|Downloads|Earlier releases/)
    const address = `${t.config.publicBaseUrl.replace(/\/$/, '')}/open-data`
    expect(page.text).toContain(`<link rel="alternate" hreflang="es" href="${address}?lang=es">`)
    expect(page.text).toContain(`<link rel="alternate" hreflang="en" href="${address}?lang=en">`)
  })

  it('is unchanged in English', async () => {
    const page = await request(t.app).get('/open-data')
    expect(htmlLang(page.text)).toBe('en')
    expect(page.text).not.toContain('files-language')
    const text = mainText(page.text)
    expect(text).toContain('Downloads')
    expect(text).toContain('The approved responses of 2050')
    expect(page.text).toContain('for example <code>funding.has_dedicated</code>.')
    expect(page.text).toContain('<td data-label="Release">Release ')
    expect(text).not.toContain('Descargas')
  })
})

describe('caching of the two pages', () => {
  it('gives each language its own ETag, varying on the language cookie', async () => {
    for (const path of ['/cities', '/open-data']) {
      const en = await request(t.app).get(path)
      const es = await request(t.app).get(path).set('Cookie', 'cis.lang=es')
      expect(htmlLang(es.text)).toBe('es')
      expect(en.headers.etag).toBeTruthy()
      expect(es.headers.etag).toBeTruthy()
      expect(es.headers.etag).not.toBe(en.headers.etag)
      expect(String(es.headers.vary)).toMatch(/Cookie/)
      expect(String(en.headers.vary)).toMatch(/Cookie/)
      // English's tag does not stand for the Spanish page.
      const crossed = await request(t.app)
        .get(path)
        .set('Cookie', 'cis.lang=es')
        .set('If-None-Match', String(en.headers.etag))
      expect(crossed.status).toBe(200)
      expect(htmlLang(crossed.text)).toBe('es')
    }
  })
})
