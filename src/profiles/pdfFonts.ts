import fs from 'node:fs'

/**
 * The PDF's fonts: DejaVu Sans from Debian's fonts-dejavu-core (installed by .ci/run), embedded
 * as subsets, so every city's name prints as written (Türkiye, Łódź, Kraków, Hồ Chí Minh). When
 * the files are missing, pdfkit's built-in Helvetica (not embedded, Latin-1 only) is used and
 * this is logged once: the PDF still comes out.
 */
const DIR = process.env.PDF_FONT_DIR ?? '/usr/share/fonts/truetype/dejavu'
const regularFile = `${DIR}/DejaVuSans.ttf`
const boldFile = `${DIR}/DejaVuSans-Bold.ttf`

export interface PdfFonts {
  regular: string
  bold: string
  embedded: boolean
}

let chosen: PdfFonts | undefined

export function pdfFonts(warn: (message: string) => void = console.warn): PdfFonts {
  if (chosen) return chosen
  if (fs.existsSync(regularFile) && fs.existsSync(boldFile)) {
    chosen = { regular: regularFile, bold: boldFile, embedded: true }
  } else {
    warn(
      `PDF profiles: DejaVu Sans not found in ${DIR} (apt-get install fonts-dejavu-core, or set PDF_FONT_DIR); using Helvetica, which is not embedded and lacks some letters of city names`,
    )
    chosen = { regular: 'Helvetica', bold: 'Helvetica-Bold', embedded: false }
  }
  return chosen
}
