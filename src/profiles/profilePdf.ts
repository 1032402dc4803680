import fs from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import PDFDocument from 'pdfkit'
import { orderBars } from './barChart'
import type { OwnChart, ProfileView, ViewBlock } from './profileContent'
import { pdfFonts } from './pdfFonts'
import { basisSentence, suppressedNotice } from './profileWording'
import { DEFAULT_IDENTITY, inSentence, unitCount, type Identity } from '../shared/identity'

type Doc = PDFKit.PDFDocument

/** The site's identity on paper (public/css/site.css). */
const INK = '#1c2430'
const MUTED = '#4d5766'
const NIGHT = '#123944'
const GOLD = '#f6c453'
const BRICK = '#9a3412'
const SLATE = '#a9b8c6'
const TEAL = '#0e5e6f'

const MARGIN = 56
/** Room kept at the foot of every page for its footer line. */
const FOOT = 40
const BULLET_INDENT = 14
const BAR_ROW = 26

/** pdfkit garbles a whole line with a tab in it (stack notes §7.10): never pass one. */
const clean = (text: string): string => text.replace(/\t/g, ' ').replace(/\r/g, '')

const fontData = new Map<string, Buffer>()
/** A font file's bytes, read once per process (pdfkit parses and subsets them per document). */
const fontBytes = (file: string): Buffer | string => {
  if (!file.startsWith('/')) return file
  const hit = fontData.get(file) ?? fs.readFileSync(file)
  fontData.set(file, hit)
  return hit
}

const contentWidth = (doc: Doc) => doc.page.width - 2 * MARGIN
const bottom = (doc: Doc) => doc.page.height - MARGIN - FOOT

/** Starts a new page when `height` does not fit below the current position. */
function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}

function heading(doc: Doc, text: string): void {
  keepTogether(doc, 60)
  doc.moveDown(0.8).font('bold').fontSize(14).fillColor(NIGHT).text(clean(text), MARGIN).moveDown(0.25)
}

function body(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('regular').fontSize(10.5).fillColor(INK).text(clean(text), MARGIN, undefined, options)
}

/** Bullets with a hanging indent: wrapped lines start under the text, not under the bullet. */
function bullets(doc: Doc, items: string[], marker: (index: number) => string = () => '•'): void {
  items.forEach((item, index) => {
    const width = contentWidth(doc) - BULLET_INDENT
    doc.font('regular').fontSize(10.5)
    keepTogether(doc, doc.heightOfString(clean(item), { width }))
    const y = doc.y
    doc.fillColor(TEAL).text(marker(index), MARGIN, y, { lineBreak: false })
    doc.fillColor(INK).text(clean(item), MARGIN + BULLET_INDENT, y, { width, paragraphGap: 2 })
  })
  doc.x = MARGIN
}

/** A chart's height on paper, to keep it on one page. */
function chartHeight(doc: Doc, content: OwnChart): number {
  doc.font('regular').fontSize(9)
  const foot = content.footnote
    ? doc.heightOfString(clean(content.footnote), { width: contentWidth(doc) })
    : 0
  return 44 + content.rows.length * BAR_ROW + foot
}

/** Horizontal bars as vector rectangles, sorted as on the web, the city's own marked in brick and bold. */
function chart(doc: Doc, content: OwnChart, cityName: string, identity: Identity): void {
  keepTogether(doc, chartHeight(doc, content))
  doc.moveDown(0.5).font('bold').fontSize(10.5).fillColor(INK).text(clean(content.title), MARGIN)
  const keyY = doc.y + 3
  doc.rect(MARGIN, keyY + 1, 8, 8).fill(BRICK)
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(`${cityName}’s answers`, MARGIN + 12, keyY)
  doc.y = keyY + 16
  const labelWidth = contentWidth(doc) * 0.42
  const plot = contentWidth(doc) - labelWidth - 60
  const max = Math.max(1, ...content.rows.map((row) => row.count))
  const marked = (label: string) => content.footnote?.includes(`"${label}"`) ?? false
  for (const row of orderBars(content.rows, (r) => r.count)) {
    const own = content.own.includes(row.key)
    const y = doc.y
    doc
      .font(own ? 'bold' : 'regular')
      .fontSize(9)
      .fillColor(INK)
      .text(clean(row.label) + (marked(row.label) ? '*' : ''), MARGIN, y + 2, {
        width: labelWidth - 8,
        height: BAR_ROW - 4,
        ellipsis: true,
      })
    const x = MARGIN + labelWidth
    const width = (row.count / max) * plot
    doc.rect(x, y + 4, Math.max(width, 0.5), 12).fill(own ? BRICK : SLATE)
    doc
      .font('regular')
      .fontSize(9)
      .fillColor(INK)
      .text(unitCount(identity, row.count), x + width + 5, y + 5, { lineBreak: false })
    doc.x = MARGIN
    doc.y = y + BAR_ROW
  }
  if (content.footnote) {
    doc.font('regular').fontSize(9).fillColor(MUTED).text(clean(content.footnote), MARGIN)
  }
  doc.moveDown(0.5)
}

function block(doc: Doc, item: ViewBlock, cityName: string, identity: Identity): void {
  switch (item.kind) {
    case 'heading':
      return heading(doc, item.text)
    case 'sentence':
      return body(doc, item.text, { paragraphGap: 4 })
    case 'list':
      return bullets(
        doc,
        item.items.map((i) => [i.text, i.hint, i.note].filter(Boolean).join(': ')),
      )
    case 'paragraphs':
      return item.paragraphs.forEach((p) => body(doc, p, { paragraphGap: 4 }))
    case 'topRated':
      bullets(
        doc,
        item.top.map((t) => (t.hint ? `${t.label} (${t.hint})` : t.label)),
      )
      return bullets(doc, item.all, (index) => `${index + 1}.`)
    case 'matrixLists':
      return item.columns.forEach((column) => {
        keepTogether(doc, 40)
        doc.font('bold').fontSize(10.5).fillColor(INK).text(clean(column.label), MARGIN)
        bullets(doc, column.items.length > 0 ? column.items : ['None'])
      })
    case 'chart':
      return chart(doc, item.chart, cityName, identity)
    case 'answer':
      return body(doc, `${item.label} ${item.lines.join(', ')}`)
  }
}

/** Page 1's band: the logo mark (the site's, drawn as vectors) and the PDF title (the service's name). */
function masthead(doc: Doc, pdfTitle: string): void {
  doc.rect(0, 0, doc.page.width, 64).fill(NIGHT)
  doc.rect(0, 64, doc.page.width, 4).fill(GOLD)
  const x = MARGIN
  const y = 16
  doc.roundedRect(x, y, 32, 32, 7).fill(GOLD)
  doc.roundedRect(x + 6, y + 17, 5, 9, 1).fill(NIGHT)
  doc.roundedRect(x + 13.5, y + 11, 5, 15, 1).fill(NIGHT)
  doc.roundedRect(x + 21, y + 6, 5, 20, 1).fill(BRICK)
  doc
    .font('bold')
    .fontSize(14)
    .fillColor('#ffffff')
    .text(clean(pdfTitle), x + 44, y + 8, { lineBreak: false })
  doc.x = MARGIN
  doc.y = 96
}

export interface PdfContext {
  /** When the profile was generated (ISO), printed in every page's footer. */
  generatedAt: string
  /** The profile's web address, printed as the source. */
  url: string
  /** The survey year's identity: PDF title, survey name, profile title, unit words (default: the innovation survey's). */
  identity?: Identity
}

/** Every page's footer: source, edition, generation date and "page n of m". */
function footers(doc: Doc, profile: ProfileView, context: PdfContext, surveyName: string): void {
  const range = doc.bufferedPageRange()
  const date = context.generatedAt.slice(0, 10)
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // The footer sits in the bottom margin: without this, pdfkit would start a new page for it.
    doc.page.margins.bottom = 0
    const y = doc.page.height - MARGIN - 14
    doc
      .moveTo(MARGIN, y - 6)
      .lineTo(doc.page.width - MARGIN, y - 6)
      .lineWidth(0.5)
      .stroke(SLATE)
    doc.font('regular').fontSize(8).fillColor(MUTED)
    doc.text(clean(`Source: ${surveyName}, ${profile.title}. Generated ${date}.`), MARGIN, y, {
      width: contentWidth(doc) - 70,
      lineBreak: false,
    })
    doc.text(context.url, MARGIN, y + 11, { width: contentWidth(doc) - 70, lineBreak: false })
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, doc.page.width - MARGIN - 70, y, {
      width: 70,
      align: 'right',
      lineBreak: false,
    })
  }
}

/** A one-city PDF drawn from the stored snapshot with pdfkit (no browser). */
export async function writeProfilePdf(
  profile: ProfileView,
  out: Writable,
  context: PdfContext,
): Promise<void> {
  const fonts = pdfFonts()
  const identity = context.identity ?? DEFAULT_IDENTITY
  const title = `${profile.city.name}: ${inSentence(identity.profileTitle)} ${profile.year}`
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
    bufferPages: true,
    lang: 'en',
    displayTitle: true,
    info: { Title: title, Author: identity.pdfTitle, Subject: profile.title },
  })
  doc.registerFont('regular', fontBytes(fonts.regular))
  doc.registerFont('bold', fontBytes(fonts.bold))
  doc.pipe(out)
  masthead(doc, identity.pdfTitle)
  doc
    .font('regular')
    .fontSize(12)
    .fillColor(MUTED)
    .text(clean(`${identity.profileTitle} ${profile.year}`), MARGIN)
  doc.font('bold').fontSize(26).fillColor(INK).text(clean(profile.city.name), MARGIN).moveDown(0.4)
  for (const item of profile.header) {
    const y = doc.y
    doc.font('bold').fontSize(10.5).fillColor(INK).text(clean(item.label), MARGIN, y, { width: 150 })
    const after = doc.y
    doc
      .font('regular')
      .text(clean(item.lines.join('; ')), MARGIN + 160, y, { width: contentWidth(doc) - 160 })
    doc.y = Math.max(after, doc.y) + 3
  }
  doc.moveDown(0.6)
  body(doc, basisSentence(profile.basis, profile.year, undefined, identity))
  if (profile.basis.suppressed) body(doc, suppressedNotice(profile.basis, identity))
  for (const section of profile.sections)
    for (const item of section.blocks) block(doc, item, profile.city.name, identity)
  footers(doc, profile, context, identity.surveyName)
  doc.end()
  await once(doc, 'end')
}
