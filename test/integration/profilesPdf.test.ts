import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import request from 'supertest'
import { testApp } from '../support/testApp'
import { writeProfilePdf } from '../../src/profiles/profilePdf'
import { citiesText } from '../../src/profiles/wording'
import type { ProfileView } from '../../src/profiles/profileContent'

/**
 * The PDF profile read as a reader's tools read it (poppler-utils: pdffonts, pdftotext, pdfinfo):
 * fonts embedded, text layer, metadata, page numbers, and no chart split across pages. Its speed
 * (under 300 ms) is a benchmark row: test/bench/cases/profilePdf.ts.
 */
const t = testApp()
afterAll(() => t.close())

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cis-pdf-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const tool = (name: string, ...args: string[]): string => execFileSync(name, args, { encoding: 'utf8' })

async function download(url: string): Promise<string> {
  const response = await request(t.app)
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done(null, Buffer.concat(chunks)))
    })
  expect(response.status).toBe(200)
  const file = path.join(dir, `${path.basename(url)}`)
  fs.writeFileSync(file, response.body as Buffer)
  return file
}

async function pdfOf(profile: ProfileView): Promise<string> {
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeProfilePdf(profile, sink, {
    generatedAt: '2026-12-03T10:00:00Z',
    url: 'https://survey.example/x',
  })
  const file = path.join(dir, `profile-${chunks.length}-${Date.now()}.pdf`)
  fs.writeFileSync(file, Buffer.concat(chunks))
  return file
}

/** The text of each page (pdftotext separates pages with a form feed). */
const pagesOf = (file: string): string[] => tool('pdftotext', '-layout', file, '-').split('\f').slice(0, -1)

describe('the PDF profile', () => {
  it('when Enschede’s PDF is downloaded, then every font is embedded and title, language, source, date and page numbers are set', async () => {
    const file = await download('/cities/enschede-nld/2020.pdf')
    const fonts = tool('pdffonts', file).trim().split('\n').slice(2)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) expect(line, line).toMatch(/ yes +yes +yes /)
    const info = tool('pdfinfo', file)
    expect(info).toMatch(/^Title: +Enschede: innovation profile 2020$/m)
    expect(fs.readFileSync(file).toString('latin1')).toContain('/Lang (en)')
    const pages = pagesOf(file)
    expect(pages.length).toBeGreaterThan(1)
    pages.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${pages.length}`)
      expect(text).toMatch(/Source: City Innovation Survey, .*2020.*Generated \d{4}-\d{2}-\d{2}\./)
    })
    expect(pages[0]).toContain('City Innovation Survey')
    expect(pages[0]).toContain('Enschede')
  })

  it('when a profile has charts, then each chart is on one page with its key and every bar’s count', async () => {
    const page = await t.services.profiles.pages.cityPage('enschede-nld', 2020)
    const profile = await page.profile()
    const charts = profile.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === 'chart' ? [b.chart] : []))
    expect(charts.length).toBeGreaterThan(2)
    const pages = pagesOf(await pdfOf(profile))
    for (const chart of charts) {
      // The chart's title with its key under it (a heading may repeat the title elsewhere).
      const start = new RegExp(`${chart.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+Enschede’s answers`)
      const where = pages.findIndex((text) => start.test(text))
      expect(where, chart.title).toBeGreaterThanOrEqual(0)
      const after = pages[where].slice(pages[where].search(start))
      for (const row of chart.rows) {
        expect(after, `${chart.title}: ${row.label}`).toContain(row.label.slice(0, 15))
        expect(after, `${chart.title}: ${row.label}`).toContain(citiesText(row.count))
      }
    }
  })

  it('when a city’s name has letters beyond Latin-1, then the PDF prints them as written', async () => {
    const page = await t.services.profiles.pages.cityPage('enschede-nld', 2020)
    const profile = await page.profile()
    const name = 'Łódź Hồ Chí Minh Ålesund'
    const pages = pagesOf(await pdfOf({ ...profile, city: { ...profile.city, name } }))
    expect(pages[0]).toContain(name)
  })
})
