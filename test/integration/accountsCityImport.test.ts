import { afterAll, describe, expect, it } from 'vitest'
import crypto from 'node:crypto'
import ExcelJS from 'exceljs'
import { testApp } from '../support/testApp'
import { adminAgent } from '../support/accountsFactories'
import { csrfToken, type Agent } from '../support/http'
import { importColumns } from '../../src/accounts/cityImport/importRows'

const t = testApp()
afterAll(() => t.close())

const headings = importColumns.map(([, label]) => label)

/** Rows of fictional cities and officers, unique to this run. */
function rows(count: number): string[][] {
  const run = crypto.randomUUID().slice(0, 6)
  return Array.from({ length: count }, (_, i) => [
    `Importville ${run} ${i}`,
    'Testland',
    'TST',
    'Europe',
    String(10_000 + i),
    '50.5',
    '4.25',
    `Officer ${i}`,
    `officer-${run}-${i}@example.test`,
  ])
}

const csv = (table: string[][]) => [headings, ...table].map((r) => r.join(',')).join('\n')

async function upload(agent: Agent, name: string, bytes: Buffer | string) {
  const token = await csrfToken(agent, '/admin/cities/import')
  return agent.post('/admin/cities/import').field('_csrf', token).attach('file', Buffer.from(bytes), name)
}

const counts = async () => ({
  cities: Number((await t.knex('cities').count({ n: '*' }).first())?.n),
  users: Number((await t.knex('users').count({ n: '*' }).first())?.n),
})

describe('importing cities and officers', () => {
  it('when 5 rows of 200 are wrong, then the preview lists those 5 problems by row and column, and nothing is written', async () => {
    const { agent } = await adminAgent(t)
    const table = rows(200)
    table[9][8] = 'not-an-email'
    table[49][2] = 'NL'
    table[99][0] = ''
    table[149][5] = '123'
    table[199][8] = table[0][8]
    const before = await counts()
    const response = await upload(agent, 'cities.csv', csv(table))
    expect(response.status).toBe(400)
    expect(response.text).toContain('The file has 5 problems. Nothing has been imported')
    const problems = [
      ...response.text.matchAll(
        /<tr class="govuk-table__row"><td class="govuk-table__cell">(\d+)<\/td><td class="govuk-table__cell">([^<]*)<\/td><td class="govuk-table__cell">([^<]*)<\/td>/g,
      ),
    ].map((m) => [Number(m[1]), m[2], m[3]])
    expect(problems).toEqual([
      [11, 'Officer email', 'Enter an email address in the correct format, like name@example.org'],
      [51, 'Country code (ISO 3)', 'Enter the three-letter country code, like NLD'],
      [101, 'City', 'Enter the city name'],
      [151, 'Latitude', 'The latitude must be between -90 and 90'],
      [201, 'Officer email', 'This email address is also on row 2'],
    ])
    expect(await counts()).toEqual(before)
  })

  it('when a good 200-row Excel file is confirmed, then 200 cities and officers are created, each with a one-time link', async () => {
    const { agent } = await adminAgent(t)
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Cities')
    const table = rows(200)
    for (const row of [headings, ...table]) sheet.addRow(row)
    const before = await counts()
    const preview = await upload(agent, 'cities.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('add 200 new cities')
    expect(preview.text).toContain('create 200 officer accounts')
    expect(await counts()).toEqual(before)

    const token = await csrfToken(agent, '/admin/cities/import')
    const done = await agent.post('/admin/cities/import/create').type('form').send({ _csrf: token })
    expect(done.status).toBe(200)
    expect(done.text).toContain('Cities and officers imported')
    expect(await counts()).toEqual({ cities: before.cities + 200, users: before.users + 200 })
    const officer = await t.repos.users.findByEmail(table[42][8])
    expect(officer?.role).toBe('officer')
    expect(officer?.passwordHash).toBeNull()
    expect((await t.repos.cities.findById(officer!.cityId!))?.name).toBe(table[42][0])
    const links = await t.knex('password_tokens').whereIn('user_id', [officer!.id]).whereNull('used_at')
    expect(links).toHaveLength(1)
    const invitations = await t
      .knex('outbox')
      .where({ kind: 'invitation' })
      .whereIn(
        'recipient',
        table.map((r) => r[8]),
      )
    expect(invitations).toHaveLength(200)
    const mine = invitations.find((m) => m.recipient === table[42][8])
    expect(mine.text_body).toContain(`for ${table[42][0]}`)
    expect(mine.text_body).toMatch(/\/set-password\/[A-Za-z0-9_-]{43}/)

    const again = await agent.post('/admin/cities/import/create').type('form').send({ _csrf: token })
    expect(again.headers.location).toBe('/admin/cities/import')
    expect(await counts()).toEqual({ cities: before.cities + 200, users: before.users + 200 })
  })

  it('when a row names a city already here, then the officer joins it, and the templates are files the import takes', async () => {
    const { agent } = await adminAgent(t)
    const template = await agent.get('/admin/cities/import/template.csv')
    expect(template.text.startsWith('\ufeffCity,Country,Country code (ISO 3)')).toBe(true)
    const xlsx = await agent
      .get('/admin/cities/import/template.xlsx')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    const enschedeCount = Number(
      (await t.knex('cities').where({ slug: 'enschede-nld' }).count({ n: '*' }).first())?.n,
    )
    const preview = await upload(agent, 'template.xlsx', xlsx.body as Buffer)
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('add 0 new cities and give officers to 1 city already here')
    expect(enschedeCount).toBe(1)
  })

  it('when no file or an unreadable one is sent, then the form says so', async () => {
    const { agent } = await adminAgent(t)
    const token = await csrfToken(agent, '/admin/cities/import')
    const none = await agent.post('/admin/cities/import').field('_csrf', token)
    expect(none.status).toBe(400)
    expect(none.text).toContain('Choose a CSV or Excel file')
    const garbage = await upload(agent, 'cities.xlsx', crypto.randomBytes(500))
    expect(garbage.status).toBe(400)
    expect(garbage.text).toContain('The file could not be read')
    const noColumns = await upload(agent, 'cities.csv', 'Name,Mail\nA,b@example.org\n')
    expect(noColumns.text).toContain('The file has no “City” column')
  })
})
