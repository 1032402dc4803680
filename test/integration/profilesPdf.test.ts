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
import { elementsOf, figureAltTexts, structureTree, textOf, markedContent } from '../support/pdfStructure'

/**
 * The PDF profile read as a reader's tools read it (poppler-utils: pdffonts, pdftotext, pdfinfo):
 * fonts embedded, text layer, metadata, page numbers, no chart split across pages, and the tags
 * (structure tree) that assistive technology reads. Its speed
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

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

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
    expect(info).toMatch(/^Tagged: +yes$/m)
    expect(info).toMatch(/^PDF version: +1\.7$/m)
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

  it('when Enschede’s PDF is read by assistive technology, then its tags give the city as H1, the facts as a table, each heading as H2 and the lists with labels, in reading order', async () => {
    const page = await t.services.profiles.pages.cityPage('enschede-nld', 2020)
    const profile = await page.profile()
    const file = await pdfOf(profile)
    const [document] = structureTree(file).children
    expect(document.type).toBe('Document')
    const top = document.children.map((node) => `${node.type}: ${textOf(node)}`)
    expect(top.slice(0, 5)).toEqual([
      'P: City Innovation Survey',
      'P: Innovation profile 2020',
      'H1: Enschede',
      `Table: ${profile.header.map((item) => item.label + item.lines.join('; ')).join('')}`,
      expect.stringMatching(/^P: Shares on this page are of \d+ cities surveyed/),
    ])
    expect(elementsOf(document, 'H1')).toHaveLength(1)
    const facts = elementsOf(document, 'TR').map((row) =>
      row.children.map((cell) => `${cell.type} ${textOf(cell)}`),
    )
    expect(facts[0]).toEqual(['TH Country', 'TD Netherlands'])
    expect(facts).toHaveLength(profile.header.length)
    const headings = profile.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === 'heading' ? [b.text] : []))
    expect(elementsOf(document, 'H2').map(textOf)).toEqual(headings)
    // Each block of the profile is a section, its heading first.
    const sections = document.children.filter((node) => node.type === 'Sect')
    expect(sections).toHaveLength(profile.sections.length)
    expect(sections[0].children.map((node) => node.type)).toEqual(['H2', 'L'])
    const [firstList] = elementsOf(sections[0], 'L')
    const helping = profile.sections[0].blocks.find((b) => b.kind === 'list')
    expect(
      firstList.children.map((item) => item.children.map((part) => `${part.type} ${textOf(part)}`)),
    ).toEqual(helping?.kind === 'list' ? helping.items.map((item) => ['Lbl •', `LBody ${item.text}`]) : [])
    // Footers repeat on every page: artifacts, outside the tree.
    expect(textOf(document)).not.toMatch(/Page \d of|Source:|survey\.example/)
    // The text layer reads in the same order as the tags.
    const text = pagesOf(file).join('\n')
    const order = ['Enschede', 'Country', ...headings].map((h) => text.indexOf(h))
    expect(
      order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1])),
      order.join(','),
    ).toBe(true)
  })

  it('when a profile has charts, then each is a Figure whose alternative text gives its title and every bar’s count in words', async () => {
    const page = await t.services.profiles.pages.cityPage('enschede-nld', 2020)
    const profile = await page.profile()
    const charts = profile.sections
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === 'chart' ? [b.chart] : []))
    const file = await pdfOf(profile)
    const tree = structureTree(file)
    const figures = elementsOf(tree, 'Figure')
    expect(figures).toHaveLength(charts.length)
    charts.forEach((chart, index) =>
      expect(textOf(figures[index])).toMatch(new RegExp(`^${escape(chart.title)}`)),
    )
    const alts = figureAltTexts(file)
    expect(alts).toHaveLength(charts.length)
    for (const chart of charts) {
      const alt = alts.find((text) => text.startsWith(`Bar chart: ${chart.title}.`))
      expect(alt, chart.title).toBeDefined()
      for (const row of chart.rows) {
        const own = chart.own.includes(row.key) ? ' (Enschede’s answer)' : ''
        expect(alt).toContain(`${row.label}: ${citiesText(row.count)}${own}`)
      }
    }
    // A chart's footnote follows its figure as a paragraph.
    const footnoted = charts.find((chart) => chart.footnote)
    const at = charts.indexOf(footnoted!)
    const parent = elementsOf(tree, 'Sect').find((s) => s.children.includes(figures[at]))
    const next = parent!.children[parent!.children.indexOf(figures[at]) + 1]
    expect(`${next.type} ${textOf(next)}`).toBe(`P ${footnoted!.footnote}`)
  })

  it('when a profile runs over several pages, then every mark is either tagged content or an artifact, with no marked content left open', async () => {
    const file = await download('/cities/enschede-nld/2020.pdf')
    expect(pagesOf(file).length).toBeGreaterThan(1)
    const marks = markedContent(file)
    expect(marks.unmarked).toEqual([])
    // Page footers are pagination artifacts, one per page; the masthead's bands and logo one layout artifact.
    expect([...marks.artifacts].sort()).toEqual([...pagesOf(file).map(() => 'Pagination'), 'Layout'].sort())
  })

  it('when a chart is a distribution, then its bins keep their order on paper and in the alternative text', async () => {
    const page = await t.services.profiles.pages.cityPage('enschede-nld', 2020)
    const profile = await page.profile()
    const rows = [
      { key: 'b0', label: 'Under 100 staff', count: 2, share: 20 },
      { key: 'b1', label: '100 to 999 staff', count: 7, share: 70 },
      { key: 'b2', label: '1,000 staff or more', count: 1, share: 10 },
    ]
    const chart = {
      questionKey: 'staff',
      title: 'Staff in the city',
      svg: '',
      rows,
      answered: 10,
      ordered: true,
      own: ['b1'],
    }
    const file = await pdfOf({ ...profile, sections: [{ key: 'staff', blocks: [{ kind: 'chart', chart }] }] })
    const text = pagesOf(file)[0]
    const at = rows.map((row) => text.indexOf(row.label))
    expect(
      at.every((where, i) => where >= 0 && (i === 0 || where > at[i - 1])),
      at.join(','),
    ).toBe(true)
    expect(figureAltTexts(file)).toEqual([
      'Bar chart: Staff in the city. Under 100 staff: 2 cities; 100 to 999 staff: 7 cities (Enschede’s answer); 1,000 staff or more: 1 city.',
    ])
  })
})
