import type { Doc } from './pdfLayout'

/**
 * The PDF profile's structure tree (tagged PDF, PDF 1.7 §14.8): every mark on a page is either
 * content of one structure element, in reading order, or an artifact (decoration, page footers)
 * that assistive technology skips. pdfkit writes an element's marked content when the element is
 * attached, so each helper draws at the moment it adds the element to its (attached) parent.
 */
export type Struct = PDFKit.PDFStructureElement

/** pdfkit's structure options beyond its type declarations (table header scope, layout box). */
export interface TagOptions extends PDFKit.Mixins.StructureElementOptions {
  scope?: 'Row' | 'Column' | 'Both'
  /** [left, top, right, bottom] in page points from the top left. */
  bbox?: [number, number, number, number]
}

/** The document's root element; everything else is added below it. */
export function documentRoot(doc: Doc): Struct {
  const root = doc.struct('Document')
  doc.addStructure(root)
  return root
}

/** A grouping element (Sect, L, LI, Table, TR) added to `parent` now, to fill and then end. */
export function group(doc: Doc, parent: Struct, type: string): Struct {
  const element = doc.struct(type)
  parent.add(element)
  return element
}

/** Draws `draw`'s marks as the content of a new `type` element under `parent`. */
export function tagged(
  doc: Doc,
  parent: Struct,
  type: string,
  draw: () => void,
  options: TagOptions = {},
): void {
  parent.add(doc.struct(type, options, draw))
}

/** Draws marks outside the structure tree: decoration, or a page's running footer (Pagination). */
export function artifact(doc: Doc, draw: () => void, type?: 'Pagination' | 'Layout'): void {
  doc.markContent('Artifact', type ? { type } : undefined)
  draw()
  doc.endMarkedContent()
}
