import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/testApp'
import { signedInAgent, type Agent } from '../support/http'
import {
  buildOfficer,
  buildTestEdition,
  decodeHtml,
  isOnPage,
  pageState,
  validFields,
  type Officer,
} from '../support/collectionFactories'
import { catalogueOf } from '../../src/i18n/catalogues'
import { fieldId } from '../../src/questionnaire/formCodec'
import type { Edition } from '../../src/questionnaire/editionsRepository'

/** An officer's whole journey in Spanish (issue 19): pages, error messages, check answers, submission. */
const t = testApp()
afterAll(() => t.close())

let edition: Edition
let officer: Officer
beforeAll(async () => {
  edition = await buildTestEdition(t.repos)
  officer = await buildOfficer(t.repos)
})

const english = catalogueOf('en')
const spanish = catalogueOf('es')
/**
 * The officer journey's fixed English sentences and phrases (whole messages without placeholders,
 * of a couple of words at least, that Spanish words differently): none may show on a Spanish page.
 */
const englishPhrases = Object.entries(english)
  .filter(([key]) => /^(survey|validation|chrome|taskList)\./.test(key))
  .map(([key, text]) => ({ key, text: text.trim() }))
  .filter(({ key, text }) => !text.includes('{') && /\w+ \w+/.test(text) && spanish[key].trim() !== text)

/** The page's main content as text. */
const mainText = (html: string) =>
  decodeHtml(html.slice(html.indexOf('<main'), html.indexOf('</main>')).replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()

function expectSpanish(html: string, where: string) {
  expect(html, where).toContain('<html lang="es"')
  const text = decodeHtml(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' '))
  const left = englishPhrases.filter(({ text: phrase }) => text.includes(phrase)).map(({ key }) => key)
  expect(left, `${where}: English left`).toEqual([])
}

const year = () => edition.year
const firstPage = () => {
  const [section] = edition.definition.sections
  return `/survey/${year()}/${section.key}/${section.pages[0].key}`
}

/** Answers one page with valid answers from the definition; where the save led. */
async function answerPage(agent: Agent, path: string): Promise<string> {
  const page = await agent.get(path)
  expect(page.status, `GET ${path}`).toBe(200)
  expectSpanish(page.text, path)
  const placed = edition.definition.sections
    .flatMap((s) => s.pages.map((p) => ({ s, p })))
    .find(({ s, p }) => path.endsWith(`/${s.key}/${p.key}`))!
  const fields = Object.assign(
    {},
    ...placed.p.questions.filter((q) => isOnPage(page.text, q)).map((q) => validFields(q, year())),
  )
  const saved = await agent
    .post(path)
    .type('form')
    .send({ ...pageState(page.text), ...fields, _action: 'continue' })
  expect(saved.status, `${path}: ${mainText(saved.text).slice(0, 400)}`).toBe(302)
  return saved.headers.location
}

describe('the officer journey in Spanish', () => {
  let agent: Agent

  it('when an officer asks for Spanish, then it is kept on their account and the task list is in Spanish', async () => {
    agent = await signedInAgent(t.app, officer.user.email, officer.user.password)
    const taskList = await agent.get(`/survey/${year()}?lang=es`)
    expect(taskList.status).toBe(200)
    expectSpanish(taskList.text, 'task list')
    expect(mainText(taskList.text)).toContain('Secciones')
    expect((await t.knex('users').where({ id: officer.user.id }).first()).locale).toBe('es')
  })

  it('when a page is saved with answers missing or out of range, then the error summary and messages are Spanish, quoting the label', async () => {
    const page = await agent.get(firstPage())
    expectSpanish(page.text, 'first page')
    const main = mainText(page.text)
    expect(main).toContain(`Sección 1 de ${edition.definition.sections.length}: Lamps and lenses`)
    expect(main).toContain('Guardar y continuar')
    expect(main).toContain('Guardar y volver más tarde')
    expect(page.text).toMatch(/radios__label" for="[^"]+">Sí<\/label>/)
    expect(main).toContain('Si eligió «Sí»')

    const empty = await agent
      .post(firstPage())
      .type('form')
      .send({ ...pageState(page.text), _action: 'continue' })
    expect(empty.status).toBe(400)
    expectSpanish(empty.text, 'page with errors')
    expect(empty.text).toMatch(/<title>Error: About the lamp – /)
    const errors = mainText(empty.text)
    expect(errors).toContain('Hay un problema')
    expect(errors).toContain('Seleccione sí o no para «Does the lighthouse use a Fresnel lens»')
    expect(errors).toContain('Introduzca una respuesta para «Number of wicks»')
    expect(errors).not.toContain('Select whether')

    const tooMany = await agent
      .post(firstPage())
      .type('form')
      .send({
        ...pageState(page.text),
        [fieldId('lamp.has_fresnel')]: 'no',
        [fieldId('lamp.wick_count')]: '40',
        _action: 'continue',
      })
    expect(tooMany.status).toBe(400)
    expect(mainText(tooMany.text)).toContain('La respuesta a «Number of wicks» debe estar entre 1 y 12')
  })

  it('when every page is answered, checked and submitted, then check answers, the refusal without confirmation and the confirmation are Spanish', async () => {
    for (const section of edition.definition.sections) {
      let next = `/survey/${year()}/${section.key}/${section.pages[0].key}`
      let guard = 0
      while (!next.endsWith('/check-answers') && guard++ < 20) next = await answerPage(agent, next)
      const sectionCheck = await agent.get(next)
      expectSpanish(sectionCheck.text, next)
      expect(mainText(sectionCheck.text)).toContain('Revise sus respuestas')
      expect(mainText(sectionCheck.text)).toContain('Último cambio de Test ')
    }
    const check = await agent.get(`/survey/${year()}/check-answers`)
    expectSpanish(check.text, 'check answers')
    const checkText = mainText(check.text)
    expect(checkText).toContain('Revise sus respuestas antes de enviarlas')
    expect(checkText).toContain(`Confirmo que envío la respuesta en nombre de ${officer.city.name}`)
    expect(checkText).toContain('Enviar la respuesta a la encuesta')
    // Yes/no answers read in Spanish; the definition's own labels are its texts.
    expect(check.text).toMatch(/cis-answer-line">(Sí|No)<\/p>/)
    expect(check.text).not.toMatch(/cis-answer-line">(Yes|Other: [^<]*)<\/p>/)

    const unconfirmed = await agent.post(`/survey/${year()}/submit`).type('form').send(pageState(check.text))
    expect(unconfirmed.status).toBe(400)
    expectSpanish(unconfirmed.text, 'submit without confirmation')
    expect(mainText(unconfirmed.text)).toContain(
      `Confirme que envía la respuesta en nombre de ${officer.city.name}`,
    )

    const submitted = await agent
      .post(`/survey/${year()}/submit`)
      .type('form')
      .send({ ...pageState(check.text), confirm: 'yes' })
    expect(submitted.status).toBe(302)
    const confirmation = await agent.get(submitted.headers.location)
    expectSpanish(confirmation.text, 'confirmation')
    const confirmed = mainText(confirmation.text)
    expect(confirmed).toContain('Respuesta a la encuesta enviada')
    expect(confirmed).toContain('Su número de referencia')
    expect(confirmed).toContain(submitted.headers.location.split('/').pop())
    expect(confirmed).toContain('Qué ocurre ahora')
    // The date it was sent, as Spanish writes dates ("3 dic 2026"), not British English ("3 Dec 2026").
    const today = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date())
    expect(confirmed).toContain(` el ${today('es')}, `)
    expect(confirmed).not.toContain(today('en-GB'))

    const printable = await agent.get(`/survey/${year()}/answers`)
    expectSpanish(printable.text, 'printable copy')
    expect(mainText(printable.text)).toContain(`Respuestas a Lighthouse keepers survey ${year()}`)
    const locked = await agent.get(firstPage())
    expectSpanish(locked.text, 'submitted page')
    expect(mainText(locked.text)).toContain(
      'La respuesta de su ciudad se ha enviado, así que no se puede cambiar.',
    )
  })

  it('when the officer opens their account, a page that does not exist and one they may not see, then those are Spanish too', async () => {
    const account = await agent.get('/account')
    expectSpanish(account.text, 'account')
    expect(mainText(account.text)).toContain('Su cuenta')
    expect(mainText(account.text)).toContain('Responsable de innovación de la ciudad')
    expect(mainText(account.text)).toContain('Idioma Español Leer este sitio en English')
    expect(account.text).toContain('href="/account?lang=en" hreflang="en"')
    const password = await agent.get('/account/password')
    expectSpanish(password.text, 'change password')
    expect(mainText(password.text)).toContain('Contraseña actual')
    const missing = await agent.get(`/survey/${year()}/no-such-section/no-such-page`)
    expect(missing.status).toBe(404)
    expect(missing.text).toContain('<html lang="es"')
    expect(mainText(missing.text)).toContain('Página no encontrada')
    const forbidden = await agent.get('/admin')
    expect(forbidden.status).toBe(403)
    expect(mainText(forbidden.text)).toContain('No tiene permiso para ver esta página')
    expect(mainText(forbidden.text)).toContain('responsable de innovación de una ciudad')
  })

  it('when the same officer switches back to English, then the same pages and messages are English again', async () => {
    const page = await agent.get(`${firstPage()}?lang=en`)
    expect(page.text).toContain('<html lang="en"')
    expect(mainText(page.text)).toContain('Your city’s response has been submitted, so it cannot be changed.')
    expect((await t.knex('users').where({ id: officer.user.id }).first()).locale).toBe('en')
  })
})
