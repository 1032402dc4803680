import type { ViewBlock } from './profileContent'
import { chart, type PdfWords } from './pdfChart'
import { INK, MARGIN, NIGHT, TEAL, clean, contentWidth, keepTogether, type Doc } from './pdfLayout'
import { group, tagged, type Struct } from './pdfTags'

// A profile's blocks on paper, each drawn as its structure elements (H2, P, L, H3, Figure).

const BULLET_INDENT = 14

function heading(doc: Doc, parent: Struct, text: string): void {
  keepTogether(doc, 60)
  tagged(doc, parent, 'H2', () => {
    doc.moveDown(0.8).font('bold').fontSize(14).fillColor(NIGHT).text(clean(text), MARGIN).moveDown(0.25)
  })
}

export function body(doc: Doc, parent: Struct, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  tagged(doc, parent, 'P', () => {
    doc.font('regular').fontSize(10.5).fillColor(INK).text(clean(text), MARGIN, undefined, options)
  })
}

/**
 * Bullets with a hanging indent (wrapped lines start under the text, not under the bullet), as
 * a list: L, then per item LI with its marker (Lbl) and text (LBody).
 */
function bullets(
  doc: Doc,
  parent: Struct,
  items: string[],
  marker: (index: number) => string = () => '•',
): void {
  const list = group(doc, parent, 'L')
  items.forEach((item, index) => {
    const width = contentWidth(doc) - BULLET_INDENT
    doc.font('regular').fontSize(10.5)
    keepTogether(doc, doc.heightOfString(clean(item), { width }))
    const y = doc.y
    const entry = group(doc, list, 'LI')
    tagged(doc, entry, 'Lbl', () => doc.fillColor(TEAL).text(marker(index), MARGIN, y, { lineBreak: false }))
    tagged(doc, entry, 'LBody', () =>
      doc.fillColor(INK).text(clean(item), MARGIN + BULLET_INDENT, y, { width, paragraphGap: 2 }),
    )
    entry.end()
  })
  list.end()
  doc.x = MARGIN
}

export function block(doc: Doc, parent: Struct, item: ViewBlock, cityName: string, words: PdfWords): void {
  switch (item.kind) {
    case 'heading':
      return heading(doc, parent, item.text)
    case 'sentence':
      return body(doc, parent, item.text, { paragraphGap: 4 })
    case 'list':
      return bullets(
        doc,
        parent,
        item.items.map((i) => [i.text, i.hint, i.note].filter(Boolean).join(': ')),
      )
    case 'paragraphs':
      return item.paragraphs.forEach((p) => body(doc, parent, p, { paragraphGap: 4 }))
    case 'topRated':
      bullets(
        doc,
        parent,
        item.top.map((t) => (t.hint ? `${t.label} (${t.hint})` : t.label)),
      )
      return bullets(doc, parent, item.all, (index) => `${index + 1}.`)
    case 'matrixLists':
      return item.columns.forEach((column) => {
        keepTogether(doc, 40)
        tagged(doc, parent, 'H3', () =>
          doc.font('bold').fontSize(10.5).fillColor(INK).text(clean(column.label), MARGIN),
        )
        bullets(doc, parent, column.items.length > 0 ? column.items : [words.t('publicPages.profile.none')])
      })
    case 'chart':
      return chart(doc, parent, item.chart, cityName, words)
    case 'answer':
      return body(doc, parent, `${item.label} ${item.lines.join(', ')}`)
  }
}
