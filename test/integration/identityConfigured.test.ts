import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { DEMO_PASSWORD, testApp } from '../support/testApp'
import { signedInAgent } from '../support/http'

/**
 * A deployment of another survey, configured by the environment alone: its name, description,
 * profile title, unit words and file prefix reach the pages, the PDF and every download's name,
 * and the innovation survey's wording appears nowhere on them.
 */
const t = testApp({
  SURVEY_NAME: 'Digital Services Survey',
  SURVEY_DESCRIPTION: 'How municipalities run their digital services, year by year.',
  SURVEY_FOOTER_ABOUT: 'a yearly look at municipal digital services.',
  PROFILE_TITLE: 'Digital services profile',
  UNIT_SINGULAR: 'municipality',
  UNIT_PLURAL: 'municipalities',
  FILE_PREFIX: 'digital-services',
})
afterAll(() => t.close())

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-identity-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const innovationWording = /City Innovation Survey|Innovation profile|innovation profile|capacity to innovate/

const attachmentName = (response: request.Response): string =>
  /filename="?([^";]+)"?/.exec(String(response.headers['content-disposition']))?.[1] ?? ''

const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => done(null, Buffer.concat(chunks)))
}

describe('a deployment whose identity is set in the environment', () => {
  it('when the home page is opened, then it shows the survey’s name, description and unit words', async () => {
    const { status, text } = await request(t.app).get('/')
    expect(status).toBe(200)
    expect(text).toContain('<title>Digital Services Survey</title>')
    expect(text).toMatch(/<h1 class="h-xl">Digital Services Survey<\/h1>/)
    expect(text).toContain('How municipalities run their digital services, year by year.')
    expect(text).toContain('Participating municipalities')
    expect(text).toMatch(/<a href="\/cities"[^>]*>Municipalities<\/a>/)
    // (Not the footer's line: identitySettings.test.ts sets it in the shared PostgreSQL database a moment.)
    expect(text).toContain('<strong>Digital Services Survey</strong>:')
    expect(text).toMatch(/These figures are of [\d,]+ municipalities surveyed/)
    expect(text).not.toMatch(innovationWording)
  })

  it('when a profile is opened, then its caption, title and basis sentence use the profile title and unit words', async () => {
    const { status, text } = await request(t.app).get('/cities/enschede-nld/2020')
    expect(status).toBe(200)
    expect(text).toContain('<span class="caption">Digital services profile 2020</span>')
    expect(text).toContain('<title>Enschede: digital services profile 2020 – Digital Services Survey</title>')
    expect(text).toMatch(/Shares on this page are of [\d,]+ municipalities surveyed/)
    expect(text).toContain('all participating municipalities on the map')
    expect(text).not.toMatch(innovationWording)
  })

  it('when the profile’s PDF is read, then its band, caption, source line and metadata use the identity', async () => {
    const response = await request(t.app).get('/cities/enschede-nld/2020.pdf').buffer(true).parse(binary)
    expect(response.status).toBe(200)
    const file = path.join(dir, 'enschede-2020.pdf')
    fs.writeFileSync(file, response.body as Buffer)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    const first = text.split('\f')[0]
    expect(first).toContain('Digital Services Survey')
    expect(first).toContain('Digital services profile 2020')
    expect(first).toMatch(/Shares on this page are of [\d,]+ municipalities surveyed/)
    expect(text).toMatch(/Source: Digital Services Survey, .*2020.*Generated/)
    expect(text).not.toMatch(innovationWording)
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info).toMatch(/^Title: +Enschede: digital services profile 2020$/m)
    expect(info).toMatch(/^Author: +Digital Services Survey$/m)
  })

  it('when open data is downloaded, then every file’s name starts with the file prefix', async () => {
    const csv = await request(t.app).get('/open-data/2020.csv')
    expect(csv.status).toBe(200)
    expect(attachmentName(csv)).toMatch(/^digital-services-2020-release-\d+\.csv$/)
    const json = await request(t.app).get('/open-data/2020.json')
    expect(attachmentName(json)).toMatch(/^digital-services-2020-release-\d+\.json$/)
    const codebook = await request(t.app).get('/open-data/2020-codebook.csv')
    expect(attachmentName(codebook)).toBe('digital-services-2020-codebook.csv')
    const page = await request(t.app).get('/open-data')
    expect(page.text).toContain('Credit “Digital Services Survey”')
  })

  it('when an administrator exports a year, then the exports and the codebook are named with the prefix', async () => {
    const admin = await signedInAgent(t.app, 'admin@example.org', DEMO_PASSWORD)
    const csv = await admin.get('/admin/editions/2020/export.csv?scope=approved').buffer(true).parse(binary)
    expect(csv.status).toBe(200)
    expect(attachmentName(csv)).toBe('digital-services-2020-approved.csv')
    const xlsx = await admin.get('/admin/editions/2020/export.xlsx?scope=all').buffer(true).parse(binary)
    expect(attachmentName(xlsx)).toBe('digital-services-2020-all.xlsx')
    const codebook = await admin.get('/admin/editions/2020/codebook.csv').buffer(true).parse(binary)
    expect(attachmentName(codebook)).toBe('digital-services-2020-codebook.csv')
  })
})
