import fs from 'node:fs'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import PDFDocument from 'pdfkit'
import type { ProfileView } from './profileContent'
import { pdfFonts } from './pdfFonts'
import { block, body } from './pdfBlocks'
import { englishPdfWords, type PdfWords } from './pdfChart'
import { BRICK, GOLD, INK, MARGIN, MUTED, NIGHT, SLATE, clean, contentWidth, type Doc } from './pdfLayout'
import { artifact, documentRoot, group, tagged, type Struct } from './pdfTags'
import { basisSentence, suppressedNotice } from './profileWording'
import { DEFAULT_IDENTITY, inSentence, type Identity } from '../shared/identity'
import { isLocale, translator, type Translate } from '../i18n/catalogues'

const fontData = new Map<string, Buffer>()
/** A font file's bytes, read once per process (pdfkit parses and subsets them per document). */
const fontBytes = (file: string): Buffer | string => {
  if (!file.startsWith('/')) return file
  const hit = fontData.get(file) ?? fs.readFileSync(file)
  fontData.set(file, hit)
  return hit
}

/**
 * Page 1's band: the logo mark (the site's, drawn as vectors, decoration) and the PDF title (the
 * service's name, the document's first paragraph).
 */
function masthead(doc: Doc, root: Struct, pdfTitle: string): void {
  const x = MARGIN
  const y = 16
  artifact(
    doc,
    () => {
      doc.rect(0, 0, doc.page.width, 64).fill(NIGHT)
      doc.rect(0, 64, doc.page.width, 4).fill(GOLD)
      doc.roundedRect(x, y, 32, 32, 7).fill(GOLD)
      doc.roundedRect(x + 6, y + 17, 5, 9, 1).fill(NIGHT)
      doc.roundedRect(x + 13.5, y + 11, 5, 15, 1).fill(NIGHT)
      doc.roundedRect(x + 21, y + 6, 5, 20, 1).fill(BRICK)
    },
    'Layout',
  )
  tagged(doc, root, 'P', () =>
    doc
      .font('bold')
      .fontSize(14)
      .fillColor('#ffffff')
      .text(clean(pdfTitle), x + 44, y + 8, { lineBreak: false }),
  )
  doc.x = MARGIN
  doc.y = 96
}

/** The header's facts (country, mayor, …) as a two-column table: a row header and its value per row. */
function facts(doc: Doc, root: Struct, profile: ProfileView): void {
  const table = group(doc, root, 'Table')
  for (const item of profile.header) {
    const y = doc.y
    let after = y
    const row = group(doc, table, 'TR')
    tagged(
      doc,
      row,
      'TH',
      () => {
        doc.font('bold').fontSize(10.5).fillColor(INK).text(clean(item.label), MARGIN, y, { width: 150 })
        after = doc.y
      },
      { scope: 'Row' },
    )
    tagged(doc, row, 'TD', () =>
      doc
        .font('regular')
        .text(clean(item.lines.join('; ')), MARGIN + 160, y, { width: contentWidth(doc) - 160 }),
    )
    row.end()
    doc.y = Math.max(after, doc.y) + 3
  }
  table.end()
}

export interface PdfContext {
  /** When the profile was generated (ISO), printed in every page's footer. */
  generatedAt: string
  /** The profile's web address, printed as the source. */
  url: string
  /** The language the profile is written in (its snapshot's): the document's language and its own words. */
  locale?: string
  /** The survey year's identity: PDF title, survey name, profile title, unit words (default: the innovation survey's). */
  identity?: Identity
}

/** Every page's footer (an artifact: it repeats): source, edition, generation date and "page n of m". */
function footers(
  doc: Doc,
  profile: ProfileView,
  context: PdfContext,
  surveyName: string,
  t: Translate,
): void {
  const range = doc.bufferedPageRange()
  const date = context.generatedAt.slice(0, 10)
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // The footer sits in the bottom margin: without this, pdfkit would start a new page for it.
    doc.page.margins.bottom = 0
    const y = doc.page.height - MARGIN - 14
    artifact(
      doc,
      () => {
        doc
          .moveTo(MARGIN, y - 6)
          .lineTo(doc.page.width - MARGIN, y - 6)
          .lineWidth(0.5)
          .stroke(SLATE)
        doc.font('regular').fontSize(8).fillColor(MUTED)
        const source = t('pdf.source', { survey: surveyName, title: profile.title, date })
        doc.text(clean(source), MARGIN, y, {
          width: contentWidth(doc) - 70,
          lineBreak: false,
        })
        doc.text(context.url, MARGIN, y + 11, { width: contentWidth(doc) - 70, lineBreak: false })
        doc.text(
          t('pdf.page', { page: i - range.start + 1, pages: range.count }),
          doc.page.width - MARGIN - 70,
          y,
          {
            width: 70,
            align: 'right',
            lineBreak: false,
          },
        )
      },
      'Pagination',
    )
  }
}

/**
 * A one-city PDF drawn from the stored snapshot with pdfkit (no browser): a tagged PDF whose
 * structure tree reads the city's name (H1), its facts (Table), each block's heading (H2) and
 * content (P, L, Figure with alternative text) in order.
 */
export async function writeProfilePdf(
  profile: ProfileView,
  out: Writable,
  context: PdfContext,
): Promise<void> {
  const fonts = pdfFonts()
  const identity = context.identity ?? DEFAULT_IDENTITY
  const lang = isLocale(context.locale) ? context.locale : 'en'
  const t = translator(lang)
  const words: PdfWords =
    lang === 'en' ? englishPdfWords(identity) : { t, count: (count) => t('profileWords.cities', { count }) }
  const title = `${profile.city.name}: ${inSentence(identity.profileTitle)} ${profile.year}`
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang,
    displayTitle: true,
    info: { Title: title, Author: identity.pdfTitle, Subject: profile.title },
  })
  doc.registerFont('regular', fontBytes(fonts.regular))
  doc.registerFont('bold', fontBytes(fonts.bold))
  doc.pipe(out)
  const root = documentRoot(doc)
  masthead(doc, root, identity.pdfTitle)
  tagged(doc, root, 'P', () =>
    doc
      .font('regular')
      .fontSize(12)
      .fillColor(MUTED)
      .text(clean(`${identity.profileTitle} ${profile.year}`), MARGIN),
  )
  tagged(doc, root, 'H1', () =>
    doc.font('bold').fontSize(26).fillColor(INK).text(clean(profile.city.name), MARGIN),
  )
  doc.moveDown(0.4)
  facts(doc, root, profile)
  doc.moveDown(0.6)
  body(doc, root, basisSentence(profile.basis, profile.year, undefined, identity, lang))
  if (profile.basis.suppressed) body(doc, root, suppressedNotice(profile.basis, identity, lang))
  for (const section of profile.sections) {
    const sect = group(doc, root, 'Sect')
    for (const item of section.blocks) block(doc, sect, item, profile.city.name, words)
    sect.end()
  }
  root.end()
  footers(doc, profile, context, identity.surveyName, t)
  doc.end()
  await once(doc, 'end')
}
