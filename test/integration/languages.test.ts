import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { buildCity, buildUser } from '../support/factories'
import { buildTestEdition } from '../support/collectionFactories'
import { mainText } from '../support/profilesFactories'
import { csrfFrom, signIn } from '../support/http'
import type { Edition } from '../../src/questionnaire/editionsRepository'

const t = testApp()
afterAll(() => t.close())

let edition: Edition
beforeAll(async () => {
  edition = await buildTestEdition(t.repos)
})

const langCookie = (response: request.Response) =>
  ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('cis.lang='))
    ?.split(';')[0]

describe('the interface in more than one language', () => {
  it('when nobody chose a language, then pages are in English and offer Spanish as a plain link', async () => {
    const page = await request(t.app).get('/login')
    expect(page.text).toContain('<html lang="en"')
    expect(page.text).toContain('<title>Sign in – ')
    expect(mainText(page.text)).toContain('Email address')
    expect(page.text).toContain('<a href="/login?lang=es" lang="es" hreflang="es">Español</a>')
    expect(langCookie(page)).toBeUndefined()
  })

  it('when ?lang=es is asked for on the sign-in page, then it is Spanish, its errors too, and the cookie keeps Spanish on the next page', async () => {
    const agent = request.agent(t.app)
    const page = await agent.get('/login?lang=es')
    expect(page.status).toBe(200)
    expect(page.text).toContain('<html lang="es"')
    expect(page.text).toContain('<title>Iniciar sesión – ')
    expect(mainText(page.text)).toContain('Correo electrónico')
    expect(mainText(page.text)).toContain('¿Ha olvidado su contraseña?')
    expect(page.text).toContain('>Saltar al contenido principal</a>')
    expect(page.text).toContain('<span aria-current="true" lang="es">Español</span>')
    expect(langCookie(page)).toBe('cis.lang=es')

    const refused = await agent
      .post('/login')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: '', password: '' })
    expect(refused.status).toBe(400)
    expect(refused.text).toContain('<title>Error: Iniciar sesión – ')
    expect(refused.text).toContain('Hay un problema')
    expect(refused.text).toContain('Introduzca su correo electrónico')
    expect(refused.text).toContain('Introduzca su contraseña')
    expect(refused.text).not.toContain('Enter your email address')

    const wrong = await signIn(agent, 'nobody@example.test', 'not-a-password')
    expect(wrong.status).toBe(401)
    expect(wrong.text).toContain('Introduzca un correo electrónico y una contraseña correctos')

    const next = await agent.get('/forgot-password')
    expect(next.text).toContain('<html lang="es"')
    expect(mainText(next.text)).toContain('Restablecer la contraseña')
    expect(mainText(next.text)).toContain('Enviarme un enlace')
  })

  it('when a signed-in officer chooses Spanish, then it is saved on the account and used after signing in elsewhere', async () => {
    const city = await buildCity(t.repos)
    const officer = await buildUser(t.repos, { role: 'officer', cityId: city.id })
    const first = request.agent(t.app)
    expect((await signIn(first, officer.email, officer.password)).status).toBe(302)
    const english = await first.get(`/survey/${edition.year}`)
    expect(mainText(english.text)).toContain('Sections')
    expect((await t.knex('users').where({ id: officer.id }).first()).locale).toBeNull()

    const chosen = await first.get(`/survey/${edition.year}?lang=es`)
    expect(chosen.text).toContain('<html lang="es"')
    expect((await t.knex('users').where({ id: officer.id }).first()).locale).toBe('es')

    // Another browser, with no cookie: the account's choice holds once signed in.
    const second = request.agent(t.app)
    const signedIn = await signIn(second, officer.email, officer.password)
    expect(signedIn.status).toBe(302)
    const taskList = await second.get(`/survey/${edition.year}`)
    expect(taskList.status).toBe(200)
    expect(taskList.text).toContain('<html lang="es"')
    expect(langCookie(taskList)).toBe('cis.lang=es')
    const text = mainText(taskList.text)
    expect(text).toContain('Secciones')
    expect(text).toContain('Estado de la respuesta Sin empezar')
    expect(text).toContain('Sin empezar')
    expect(text).toMatch(/Ha completado 0 de \d+ secci(ón|ones)\./)
    expect(text).toContain('Revise sus respuestas y envíelas')
    expect(taskList.text).toContain('>Su encuesta</a>')
    expect(taskList.text).toContain('>Cerrar sesión</button>')
    // The questionnaire's own text stays as written: its translation is a later step.
    expect(text).toContain(edition.title)
  })

  it('when a signed-in officer follows a ?lang= link from another site, then the page and cookie change but the account keeps its choice', async () => {
    const city = await buildCity(t.repos)
    const officer = await buildUser(t.repos, { role: 'officer', cityId: city.id })
    const agent = request.agent(t.app)
    expect((await signIn(agent, officer.email, officer.password)).status).toBe(302)
    const followed = await agent.get(`/survey/${edition.year}?lang=es`).set('Sec-Fetch-Site', 'cross-site')
    expect(followed.text).toContain('<html lang="es"')
    expect(langCookie(followed)).toBe('cis.lang=es')
    expect((await t.knex('users').where({ id: officer.id }).first()).locale).toBeNull()
  })
})
