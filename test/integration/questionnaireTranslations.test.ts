import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { csrfToken, signedInAgent, type Agent } from '../support/http'
import { freeYear } from '../support/authoringFactories'
import { buildOfficer, decodeHtml, pageState } from '../support/collectionFactories'
import { copyDefinition } from '../../src/questionnaire/copyDefinition'
import { definitionTexts } from '../../src/questionnaire/definitionTexts'
import { fieldId } from '../../src/questionnaire/formCodec'
import type { Definition } from '../../src/questionnaire/definitionSchema'
import type { Edition } from '../../src/questionnaire/editionsRepository'

const t = testApp()
let admin: Agent
beforeAll(async () => {
  admin = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
})
afterAll(() => t.close())

const label = 'question.funding.has_dedicated.label'
const required = 'question.funding.has_dedicated.message.required'
const spanishLabel =
  '¿Tiene la ciudad financiación específica o dedicada para apoyar la capacidad de innovación?'

/** An open edition of its own, a copy of the demo's 2020 questionnaire with its translations changed. */
async function buildEdition(translate: (definition: Definition) => void): Promise<Edition> {
  const year = await freeYear(t.repos)
  const definition = copyDefinition((await t.repos.editions.findByYear(2020))!.definition, year)
  translate(definition)
  await t.repos.editions.create({ year, title: definition.title, status: 'open', definition })
  return (await t.repos.editions.findByYear(year))!
}

const translationsOf = async (year: number) =>
  (await t.repos.editions.findByYear(year))!.definition.translations
const changeCount = async () =>
  Number((await t.knex('definition_changes').count<{ n: number }[]>({ n: '*' }))[0].n)

async function upload(year: number, file: Buffer, name = 'es.csv') {
  const page = `/admin/editions/${year}/questionnaire/translations/es`
  const token = await csrfToken(admin, page)
  return admin.post(page).field('_csrf', token).attach('file', file, name)
}

describe('translating a questionnaire with a file', () => {
  it('when the administrator downloads the CSV, fills it in but one text and uploads it, then the definition has the translations and the editor lists what is left', async () => {
    const edition = await buildEdition((definition) => delete definition.translations)
    const base = `/admin/editions/${edition.year}/questionnaire/translations`
    const total = definitionTexts(edition.definition).length
    const overview = await admin.get(base)
    // The page's own language switcher is still there beside the list of languages.
    expect(overview.text).toContain('hreflang="es">Español</a>')
    expect(decodeHtml(overview.text)).toMatch(
      new RegExp(`Spanish \\(es\\)</th>\\s*<td[^>]*>0 of ${total}</td>`),
    )

    const csv = await admin.get(`${base}/es.csv`)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.headers['content-disposition']).toContain(`questionnaire-${edition.year}-es.csv`)
    const [heading, ...rows] = parse(csv.text, { bom: true }) as string[][]
    expect(heading).toEqual(['key', 'where', 'English', 'translation'])
    expect(rows).toHaveLength(total)
    const filled = rows.map(([key, where, english]) => [
      key,
      where,
      english,
      key === label ? '' : `ES ${english}`,
    ])
    const saved = await upload(edition.year, Buffer.from(stringify([heading, ...filled])))
    expect(saved.status).toBe(302)
    expect(saved.headers.location).toBe(`${base}/es`)

    const expected = Object.fromEntries(
      rows.filter(([key]) => key !== label).map(([key, , english]) => [key, `ES ${english}`]),
    )
    expect(await translationsOf(edition.year)).toEqual({ es: expected })
    const page = decodeHtml((await admin.get(`${base}/es`)).text)
    expect(page).toContain(`The translation was saved: ${total - 1} of ${total} texts translated`)
    expect(page).toContain(`${total - 1} of ${total} texts are translated into Spanish (es).`)
    const left = page.slice(page.indexOf('id="untranslated-texts"'))
    expect(left).toContain('1 text is shown in English')
    expect(left).toContain(`<code class="cis-key">${label}</code>`)
    expect(left).toContain('Does the city have specific or dedicated funding to support innovation capacity?')
  })

  it('when an uploaded file has problems, then every one is listed with its line and nothing changes', async () => {
    const edition = await buildEdition(
      (definition) => (definition.translations = { es: { title: 'Encuesta' } }),
    )
    const before = await changeCount()
    const file = stringify([
      ['key', 'where', 'English', 'translation'],
      ['question.gone.label', '', 'Gone', 'Desaparecida'],
      ['question.funding.has_dedicated.profile.sentence.1', '', '', 'Como el {share} de las ciudades.'],
      [label, '', '', spanishLabel],
    ])
    const refused = await upload(edition.year, Buffer.from(file))
    expect(refused.status).toBe(400)
    const text = decodeHtml(refused.text)
    expect(text).toContain('The file has 2 problems. Nothing was changed')
    expect(text).toContain('2 problems in es.csv; nothing was changed')
    expect(text).toMatch(/<td class="govuk-table__cell">2<\/td>[\s\S]*names no text of this questionnaire/)
    expect(text).toMatch(/<td class="govuk-table__cell">3<\/td>[\s\S]*The translation leaves out \{city\}/)
    expect(await translationsOf(edition.year)).toEqual({ es: { title: 'Encuesta' } })
    expect(await changeCount()).toBe(before)

    const notAFile = await upload(
      edition.year,
      Buffer.from('name,email\nAda,ada@example.org\n'),
      'cities.csv',
    )
    expect(notAFile.status).toBe(400)
    expect(decodeHtml(notAFile.text)).toContain('The file needs the columns “key” and “translation”')
  })

  it('when the Excel file is downloaded and uploaded unchanged, then the translations stay as they were', async () => {
    const edition = await buildEdition(() => {})
    const before = await translationsOf(edition.year)
    const xlsx = await admin
      .get(`/admin/editions/${edition.year}/questionnaire/translations/es.xlsx`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    expect(xlsx.headers['content-disposition']).toContain('.xlsx')
    const saved = await upload(edition.year, xlsx.body as Buffer, 'es.xlsx')
    expect(saved.status).toBe(302)
    expect(await translationsOf(edition.year)).toEqual(before)
  })

  it('when the preview is shown in Spanish, then its labels are the translation and it says what is left in English', async () => {
    const edition = await buildEdition((definition) => delete definition.translations!.es[required])
    const page = decodeHtml(
      (await admin.get(`/admin/editions/${edition.year}/questionnaire/preview/funding/funding?lang=es`)).text,
    )
    expect(page).toContain(spanishLabel)
    expect(page).toContain('<option value="es" selected>Spanish (es)</option>')
    expect(page).toContain('1 text has no Spanish (es) translation yet and is shown in English.')
    await admin.get('/admin?lang=en')
  })
})

describe('officers and reviewers reading a translated questionnaire', () => {
  it('when an officer reads Spanish, then the questionnaire is Spanish, a missing translation is English, and the response records Spanish; a reviewer switches between the languages', async () => {
    const edition = await buildEdition((definition) => delete definition.translations!.es[required])
    const { user } = await buildOfficer(t.repos)
    const officer = await signedInAgent(t.app, user.email, user.password)

    const path = `/survey/${edition.year}/funding/funding`
    const form = await officer.get(`${path}?lang=es`)
    expect(form.status).toBe(200)
    expect(decodeHtml(form.text)).toContain(spanishLabel)

    const empty = await officer
      .post(path)
      .type('form')
      .send({ ...pageState(form.text), _action: 'continue' })
    expect(empty.status).toBe(400)
    const refused = decodeHtml(empty.text)
    expect(refused).toContain(spanishLabel)
    // No Spanish for this message yet: it is shown in English, never as a key.
    expect(refused).toContain('Select whether the city has dedicated funding to support innovation capacity')
    expect(refused).not.toContain(required)
    const listed = decodeHtml(
      (await admin.get(`/admin/editions/${edition.year}/questionnaire/translations/es`)).text,
    )
    expect(listed).toContain(`<code class="cis-key">${required}</code>`)

    const saved = await officer
      .post(path)
      .type('form')
      .send({ ...pageState(form.text), [fieldId('funding.has_dedicated')]: 'yes', _action: 'continue' })
    expect(saved.status).toBe(302)
    const response = (await t.repos.responses.find(
      edition.id,
      (await t.repos.users.findById(user.id))!.cityId!,
    ))!
    expect(response.locale).toBe('es')
    const check = decodeHtml((await officer.get(`/survey/${edition.year}/funding/check-answers`)).text)
    expect(check).toContain(spanishLabel)

    const review = decodeHtml((await admin.get(`/admin/responses/${response.id}`)).text)
    expect(review).toContain('Given in Español.')
    expect(review).toContain(
      'Does the city have specific or dedicated funding to support innovation capacity?',
    )
    expect(review).not.toContain(spanishLabel)
    const inSpanish = decodeHtml((await admin.get(`/admin/responses/${response.id}?read=es`)).text)
    expect(inSpanish).toContain(spanishLabel)
    expect(inSpanish).toContain('<strong lang="es" aria-current="true">Español</strong>')
  })
})
