import { orderBars } from './barChart'
import type { OwnChart } from './profileContent'
import { BRICK, INK, MARGIN, MUTED, SLATE, clean, contentWidth, keepTogether, type Doc } from './pdfLayout'
import { tagged, type Struct } from './pdfTags'
import { unitCount, type Identity } from '../shared/identity'
import { english, type Translate } from '../i18n/catalogues'

/** The PDF's words: its language's catalogue, and how it counts the identity's units. */
export interface PdfWords {
  t: Translate
  count: (count: number) => string
}

/** English words with the identity's units ("12 cities"). */
export const englishPdfWords = (identity: Identity): PdfWords => ({
  t: english,
  count: (count) => unitCount(identity, count),
})

const BAR_ROW = 26
/** The title and key above the bars. */
const KEY_ROOM = 19

/** A chart's height on paper, to keep it on one page. */
function chartHeight(doc: Doc, content: OwnChart): number {
  doc.font('regular').fontSize(9)
  const foot = content.footnote
    ? doc.heightOfString(clean(content.footnote), { width: contentWidth(doc) })
    : 0
  return 44 + content.rows.length * BAR_ROW + foot
}

/** Sorted by count as on the web, except a distribution's bins, which keep their order. */
const bars = (content: OwnChart) => (content.ordered ? content.rows : orderBars(content.rows, (r) => r.count))

/**
 * The figure's alternative text: what the chart shows, in words, for readers who cannot see the
 * bars (its title, then each bar in drawing order with its count and whether it is the city's).
 */
export function chartAltText(content: OwnChart, cityName: string, words: PdfWords): string {
  const { t } = words
  const rows = bars(content).map((row) => {
    const own = content.own.includes(row.key) ? ` (${t('pdf.cityAnswer', { city: cityName })})` : ''
    return `${row.label}: ${words.count(row.count)}${own}`
  })
  const summary = content.distribution?.summary
  return `${t('pdf.barChart', { title: content.title })}${summary ? ` ${summary}.` : ''} ${rows.join('; ')}.`
}

/** Title, key and bars: the figure's marks. */
function drawFigure(doc: Doc, content: OwnChart, cityName: string, words: PdfWords): void {
  doc.font('bold').fontSize(10.5).fillColor(INK).text(clean(content.title), MARGIN)
  const keyY = doc.y + 3
  doc.rect(MARGIN, keyY + 1, 8, 8).fill(BRICK)
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(words.t('pdf.cityAnswers', { city: cityName }), MARGIN + 12, keyY)
  doc.y = keyY + 16
  const labelWidth = contentWidth(doc) * 0.42
  const plot = contentWidth(doc) - labelWidth - 60
  const max = Math.max(1, ...content.rows.map((row) => row.count))
  const marked = (label: string) => content.footnote?.includes(`"${label}"`) ?? false
  for (const row of bars(content)) {
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
      .text(words.count(row.count), x + width + 5, y + 5, { lineBreak: false })
    doc.x = MARGIN
    doc.y = y + BAR_ROW
  }
}

/**
 * Horizontal bars as vector rectangles, sorted as on the web, the city's own marked in brick and
 * bold: a Figure with alternative text, then its footnote as a paragraph.
 */
export function chart(doc: Doc, parent: Struct, content: OwnChart, cityName: string, words: PdfWords): void {
  keepTogether(doc, chartHeight(doc, content))
  doc.moveDown(0.5)
  doc.font('bold').fontSize(10.5)
  const top = doc.y
  const height = doc.heightOfString(clean(content.title)) + KEY_ROOM + content.rows.length * BAR_ROW
  const box: [number, number, number, number] = [MARGIN, top, MARGIN + contentWidth(doc), top + height]
  tagged(doc, parent, 'Figure', () => drawFigure(doc, content, cityName, words), {
    alt: chartAltText(content, cityName, words),
    bbox: box,
  })
  const footnote = content.footnote
  if (footnote) {
    tagged(doc, parent, 'P', () => {
      doc.font('regular').fontSize(9).fillColor(MUTED).text(clean(footnote), MARGIN)
    })
  }
  doc.moveDown(0.5)
}
