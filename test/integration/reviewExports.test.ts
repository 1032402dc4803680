import { afterAll, describe, expect, it } from 'vitest'
import type request from 'supertest'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { testApp, DEMO_PASSWORD } from '../support/testApp'
import { buildCity } from '../support/factories'
import { signedInAgent } from '../support/http'
import { buildEdition, buildResponse, simpleAnswers } from '../support/reviewFactories'
import type { AnswerValue } from '../../src/questionnaire/answerCodec'
import type { Definition, Question } from '../../src/questionnaire/definitionSchema'
import { allQuestions, offeredOptions } from '../../src/questionnaire/definitionModel'
import { toAnswerRow, type StoredAnswerRow } from '../../src/responses/responseRecords'

const t = testApp()
afterAll(() => t.close())

const admin = () => signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => callback(null, Buffer.concat(chunks)))
}
const spreadsheetSafe = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

/**
 * What each export column should hold, worked out from the stored rows on their own terms
 * (not with the export code): the round-trip check.
 */
function expectedCells(definition: Definition, rows: StoredAnswerRow[]): Record<string, string> {
  const cells: Record<string, string> = {}
  const byKey = new Map(allQuestions(definition).map(({ question }) => [question.key, question]))
  for (const question of new Set(
    rows.map((r) => byKey.get(r.questionKey)).filter((q): q is Question => Boolean(q)),
  )) {
    if (question.type === 'multiple')
      for (const o of offeredOptions(question, definition.year)) cells[`${question.key}.${o.key}`] = '0'
  }
  for (const row of rows) {
    const question = byKey.get(row.questionKey)
    if (!question) continue
    const k = question.key
    switch (question.type) {
      case 'yesno':
      case 'single':
        cells[k] = row.optionKey
        if (row.optionKey === 'other') cells[`${k}.other`] = spreadsheetSafe(row.text ?? '')
        break
      case 'multiple':
        if (row.optionKey === 'other') cells[`${k}.other`] = spreadsheetSafe(row.text ?? '')
        else cells[`${k}.${row.optionKey}`] = '1'
        if (row.note) cells[`${k}.${row.optionKey}.note`] = spreadsheetSafe(row.note)
        break
      case 'rating':
      case 'matrix':
        cells[`${k}.${row.optionKey}`] = row.text ?? ''
        break
      case 'ranking':
        cells[`${k}.${row.optionKey}`] = String(row.number)
        break
      case 'number':
      case 'year':
        cells[k] = String(row.number)
        break
      case 'textList': {
        const items = rows
          .filter((r) => r.questionKey === k)
          .sort((a, b) => Number(a.optionKey) - Number(b.optionKey))
        cells[k] = spreadsheetSafe(items.map((r) => r.text).join(' | '))
        break
      }
      default:
        cells[k] = spreadsheetSafe(row.text ?? '')
    }
  }
  return cells
}

describe('exports', () => {
  it('when the 2020 demo edition is exported as CSV, then every cell of every column matches the stored answers', async () => {
    const agent = await admin()
    const res = await agent.get('/admin/editions/2020/export.csv?scope=approved')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    expect(res.headers['content-disposition']).toContain('city-innovation-survey-2020-approved.csv')
    const records: Record<string, string>[] = parse(res.text, { columns: true, bom: true })
    const edition = (await t.repos.editions.findByYear(2020))!
    const responses = await t
      .knex('responses as r')
      .join('cities as c', 'c.id', 'r.city_id')
      .where({ 'r.edition_id': edition.id, 'r.status': 'approved' })
      .select('r.id', 'c.slug')
    expect(records.map((r) => r.city_slug).sort()).toEqual(responses.map((r) => r.slug).sort())
    const header = Object.keys(records[0])
    const answerColumns = header.slice(header.indexOf('approved_at') + 1)
    expect(answerColumns.length).toBeGreaterThan(100)
    const rows = (
      await t.knex('answers').whereIn(
        'response_id',
        responses.map((r) => r.id),
      )
    ).map((r) => ({ ...toAnswerRow(r), responseId: Number(r.response_id) }))
    let checked = 0
    for (const response of responses) {
      const expected = expectedCells(
        edition.definition,
        rows.filter((r) => r.responseId === response.id),
      )
      const record = records.find((r) => r.city_slug === response.slug)!
      for (const column of answerColumns)
        expect(record[column], `${response.slug} ${column}`).toBe(expected[column] ?? '')
      for (const column of Object.keys(expected))
        expect(answerColumns, `${column} has a column`).toContain(column)
      checked += answerColumns.length
    }
    expect(checked).toBe(responses.length * answerColumns.length)
    const enschede = records.find((r) => r.city_slug === 'enschede-nld')!
    expect(enschede).toMatchObject({ city_name: 'Enschede', iso3: 'NLD', response_status: 'approved' })
  })

  it('when a text answer is a formula, then it is neutralised in the CSV and in the XLSX, whose second sheet is the codebook', async () => {
    const edition = await buildEdition(t.repos, { status: 'closed' })
    const city = await buildCity(t.repos)
    const formula = '=HYPERLINK("http://x")'
    const answers = simpleAnswers(
      edition.definition,
      new Map<string, AnswerValue>([
        ['city.mayor', { type: 'text', value: formula }],
        ['city.lead_innovation_officers', { type: 'textList', values: ['@Ann', 'Bo'] }],
      ]),
    )
    await buildResponse(t.repos, { editionId: edition.id, cityId: city.id, answers, status: 'approved' })
    const agent = await admin()

    const csv = await agent.get(`/admin/editions/${edition.year}/export.csv`)
    const [record] = parse(csv.text, { columns: true, bom: true }) as Record<string, string>[]
    expect(record['city.mayor']).toBe(`'${formula}`)
    expect(record['city.lead_innovation_officers']).toBe("'@Ann | Bo")
    expect(record['city.population']).toBe('42')

    const xlsx = await agent
      .get(`/admin/editions/${edition.year}/export.xlsx?scope=approved`)
      .buffer(true)
      .parse(binary)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    // exceljs declares its own Buffer type (an ArrayBuffer); Node's Buffer is what it reads.
    await workbook.xlsx.load(xlsx.body as Parameters<typeof workbook.xlsx.load>[0])
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Responses', 'Codebook'])
    const sheet = workbook.getWorksheet('Responses')!
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1)
    expect(cell('city.mayor').value).toBe(`'${formula}`)
    expect(cell('city.mayor').formula).toBeUndefined()
    expect(cell('city.population').value).toBe(42)
    const codebook = workbook.getWorksheet('Codebook')!
    expect((codebook.getRow(1).values as unknown[]).slice(1)).toEqual([
      'column',
      'question_key',
      'question_text',
      'type',
      'values',
    ])
    expect(codebook.rowCount).toBe(header.length + 1)
  })

  it('when approved-only or all responses are chosen, then the rows follow, and JSON carries full answers with statuses', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const approved = await buildCity(t.repos)
    const started = await buildCity(t.repos)
    await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: approved.id,
      answers: simpleAnswers(edition.definition),
      status: 'approved',
    })
    await buildResponse(t.repos, {
      editionId: edition.id,
      cityId: started.id,
      answers: simpleAnswers(edition.definition),
    })
    const agent = await admin()
    const onlyApproved = parse(
      (await agent.get(`/admin/editions/${edition.year}/export.csv?scope=approved`)).text,
      { columns: true, bom: true },
    ) as Record<string, string>[]
    expect(onlyApproved.map((r) => r.city_slug)).toEqual([approved.slug])
    const all = parse((await agent.get(`/admin/editions/${edition.year}/export.csv?scope=all`)).text, {
      columns: true,
      bom: true,
    }) as Record<string, string>[]
    expect(all.map((r) => [r.city_slug, r.response_status])).toEqual([
      [approved.slug, 'approved'],
      [started.slug, 'in_progress'],
    ])

    const json = await agent.get(`/admin/editions/${edition.year}/export.json?scope=all`)
    expect(json.headers['content-type']).toContain('application/json')
    const body = JSON.parse(json.text)
    expect(body.edition).toMatchObject({ year: edition.year, scope: 'all' })
    expect(body.responses.map((r: { status: string }) => r.status)).toEqual(['approved', 'in_progress'])
    expect(body.responses[0].answers['city.population']).toEqual({ type: 'number', value: 42 })
    expect(body.responses[0].city.slug).toBe(approved.slug)
  })

  it('when the approved export is chosen, then submitted, returned and in-progress responses are left out of the CSV and the JSON', async () => {
    const edition = await buildEdition(t.repos, { status: 'open' })
    const slugs: Record<string, string> = {}
    for (const status of ['approved', 'submitted', 'returned', 'in_progress'] as const) {
      const city = await buildCity(t.repos)
      slugs[status] = city.slug
      await buildResponse(t.repos, {
        editionId: edition.id,
        cityId: city.id,
        answers: simpleAnswers(edition.definition),
        status,
      })
    }
    const agent = await admin()
    const csv = parse((await agent.get(`/admin/editions/${edition.year}/export.csv?scope=approved`)).text, {
      columns: true,
      bom: true,
    }) as Record<string, string>[]
    expect(csv.map((r) => [r.city_slug, r.response_status])).toEqual([[slugs.approved, 'approved']])
    const json = JSON.parse(
      (await agent.get(`/admin/editions/${edition.year}/export.json?scope=approved`)).text,
    )
    expect(
      json.responses.map((r: { city: { slug: string }; status: string }) => [r.city.slug, r.status]),
    ).toEqual([[slugs.approved, 'approved']])
    const all = parse((await agent.get(`/admin/editions/${edition.year}/export.csv?scope=all`)).text, {
      columns: true,
      bom: true,
    }) as Record<string, string>[]
    expect(all.map((r) => r.response_status)).toEqual(['approved', 'submitted', 'returned', 'in_progress'])
  })

  it('when the codebook CSV is downloaded, then each column has its question text, type and option labels', async () => {
    const agent = await admin()
    const res = await agent.get('/admin/editions/2020/codebook.csv')
    const book = parse(res.text, { columns: true, bom: true }) as Record<string, string>[]
    const funding = book.find((r) => r.column === 'funding.has_dedicated')!
    expect(funding).toMatchObject({
      question_key: 'funding.has_dedicated',
      type: 'yesno',
      values: 'yes = Yes; no = No',
    })
    expect(funding.question_text).toContain('dedicated funding')
    expect(book.some((r) => r.type === 'matrix')).toBe(true)
  })

  it('when the scope or format is unknown, then the request is refused plainly', async () => {
    const agent = await admin()
    const bad = await agent.get('/admin/editions/2020/export.csv?scope=everything')
    expect(bad.status).toBe(400)
    expect(bad.text).toContain('scope=approved or scope=all')
    expect((await agent.get('/admin/editions/2020/export.pdf')).status).toBe(404)
    const officer = await signedInAgent(t.app, 'enschede.officer@example.org', DEMO_PASSWORD)
    expect((await officer.get('/admin/editions/2020/export.csv')).status).toBe(403)
  })
})
