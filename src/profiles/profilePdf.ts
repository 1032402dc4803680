import { once } from 'node:events'
import type { Writable } from 'node:stream'
import PDFDocument from 'pdfkit'
import type { OwnChart, ProfileView, ViewBlock } from './profileContent'
import { basisSentence, suppressedNotice } from './profileWording'
import { citiesText } from './wording'

type Doc = PDFKit.PDFDocument

const MARGIN = 56
/** pdfkit garbles a whole line with a tab in it (stack notes §7.10): never pass one. */
const clean = (text: string): string => text.replace(/\t/g, ' ').replace(/\r/g, '')

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor('#0b0c0c').text(clean(text)).moveDown(0.2)
}

function body(doc: Doc, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  doc.font('Helvetica').fontSize(10.5).fillColor('#0b0c0c').text(clean(text), options)
}

function bullets(doc: Doc, items: string[]): void {
  for (const item of items) body(doc, `•  ${item}`, { indent: 10 })
}

/** The chart as bars drawn with rectangles, counts written beside them. */
function chart(doc: Doc, content: OwnChart): void {
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(10.5).text(clean(content.title)).moveDown(0.2)
  const width = doc.page.width - 2 * MARGIN - 90
  const max = Math.max(1, ...content.rows.map((row) => row.count))
  for (const row of content.rows) {
    if (doc.y > doc.page.height - MARGIN - 40) doc.addPage()
    body(doc, row.label + (content.own.includes(row.key) ? ' (this city)' : ''), { width: width + 90 })
    const y = doc.y + 1
    const barWidth = (row.count / max) * width
    doc
      .rect(MARGIN, y, Math.max(barWidth, 0.5), 9)
      .fill(content.own.includes(row.key) ? '#1d4f91' : '#8aa6cc')
    doc
      .fillColor('#0b0c0c')
      .font('Helvetica')
      .fontSize(9)
      .text(citiesText(row.count), MARGIN + barWidth + 6, y, { lineBreak: false })
    doc.x = MARGIN
    doc.y = y + 13
  }
  if (content.footnote) body(doc, content.footnote, { width: width + 90 })
}

function block(doc: Doc, item: ViewBlock): void {
  switch (item.kind) {
    case 'heading':
      return heading(doc, item.text)
    case 'sentence':
      return body(doc, item.text)
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
      return item.all.forEach((label, index) => body(doc, `${index + 1}. ${label}`, { indent: 10 }))
    case 'matrixLists':
      return item.columns.forEach((column) => {
        doc.font('Helvetica-Bold').fontSize(10.5).text(clean(column.label))
        bullets(doc, column.items.length > 0 ? column.items : ['None'])
      })
    case 'chart':
      return chart(doc, item.chart)
    case 'answer':
      return body(doc, `${item.label} ${item.lines.join(', ')}`)
  }
}

/** A one-city PDF drawn from the stored snapshot with pdfkit (no browser). */
export async function writeProfilePdf(profile: ProfileView, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: `${profile.city.name}: innovation profile ${profile.year}`,
      Author: 'City Innovation Survey',
    },
  })
  doc.pipe(out)
  doc.font('Helvetica-Bold').fontSize(22).text(clean(profile.city.name))
  doc
    .font('Helvetica')
    .fontSize(12)
    .fillColor('#505a5f')
    .text(clean(`Innovation profile ${profile.year}`))
    .moveDown(0.5)
  for (const item of profile.header) body(doc, `${item.label}: ${item.lines.join('; ')}`)
  doc.moveDown(0.4)
  body(doc, basisSentence(profile.basis, profile.year))
  if (profile.basis.suppressed) body(doc, suppressedNotice(profile.basis))
  for (const section of profile.sections) for (const item of section.blocks) block(doc, item)
  doc.end()
  await once(doc, 'end')
}
