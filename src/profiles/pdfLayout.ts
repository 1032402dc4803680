/** The site's identity on paper (public/css/site.css), shared by the PDF profile's parts. */
export const INK = '#1c2430'
export const MUTED = '#4d5766'
export const NIGHT = '#123944'
export const GOLD = '#f6c453'
export const BRICK = '#9a3412'
export const SLATE = '#a9b8c6'
export const TEAL = '#0e5e6f'

export const MARGIN = 56
/** Room kept at the foot of every page for its footer line. */
export const FOOT = 40

export type Doc = PDFKit.PDFDocument

/** pdfkit garbles a whole line with a tab in it (stack notes §7.10): never pass one. */
export const clean = (text: string): string => text.replace(/\t/g, ' ').replace(/\r/g, '')

export const contentWidth = (doc: Doc): number => doc.page.width - 2 * MARGIN
const bottom = (doc: Doc): number => doc.page.height - MARGIN - FOOT

/**
 * Starts a new page when `height` does not fit below the current position. Called between
 * tagged elements only: a page added inside marked content would leave it open (pdfkit carries
 * marked content over only on the pages its own text wrapping adds).
 */
export function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage()
}
