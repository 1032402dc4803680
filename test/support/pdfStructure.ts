import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import zlib from 'node:zlib'

/**
 * A tagged PDF read as assistive technology reads it: its structure tree (poppler's
 * `pdfinfo -struct-text`), its figures' alternative text, and whether any mark on a page lies
 * outside marked content. pdfkit writes object dictionaries uncompressed, so the raw file is
 * enough for what pdfinfo does not print.
 */
export interface StructNode {
  type: string
  /** The element's own text (poppler prints it under the element, in quotes). */
  text: string
  children: StructNode[]
}

const ELEMENT = /^([A-Za-z0-9]+)(?: \(\w+\))?:?$/

/** The structure tree under a virtual root, from the indentation of `pdfinfo -struct-text`. */
export function structureTree(file: string): StructNode {
  const output = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' })
  const root: StructNode = { type: 'root', text: '', children: [] }
  const open: Array<{ indent: number; node: StructNode }> = [{ indent: -1, node: root }]
  for (const line of output.split('\n')) {
    const content = line.trim()
    if (!content) continue
    const indent = line.length - line.trimStart().length
    while (open.length > 1 && open[open.length - 1].indent >= indent) open.pop()
    const parent = open[open.length - 1].node
    const element = ELEMENT.exec(content)
    if (content.startsWith('"')) parent.text += content.slice(1, -1)
    else if (element) {
      const node: StructNode = { type: element[1], text: '', children: [] }
      parent.children.push(node)
      open.push({ indent, node })
    }
    // Attribute lines (/Scope /Row, /BBox [...]) are not elements.
  }
  return root
}

/** Every element of `type` in reading order (depth first). */
export function elementsOf(node: StructNode, type: string): StructNode[] {
  return node.children.flatMap((child) => [
    ...(child.type === type ? [child] : []),
    ...elementsOf(child, type),
  ])
}

/** An element's text with its descendants', in reading order. */
export const textOf = (node: StructNode): string => node.text + node.children.map(textOf).join('')

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }

/** A PDF literal string's characters: UTF-16BE after a byte-order mark, else PDFDocEncoding (Latin-1 here). */
function literal(raw: string): string {
  const bytes = raw.replace(/\\(.)/gs, (_, c: string) => ESCAPES[c] ?? c)
  if (!bytes.startsWith('\xfe\xff')) return bytes
  const buffer = Buffer.from(bytes.slice(2), 'latin1')
  return buffer.swap16().toString('utf16le')
}

/** The /Alt of every Figure element, in the file's order. */
export function figureAltTexts(file: string): string[] {
  const raw = fs.readFileSync(file).toString('latin1')
  return [...raw.matchAll(/\/S \/Figure\s*\/Alt \(((?:\\.|[^\\)])*)\)/gs)].map((m) => literal(m[1]))
}

export interface MarkedContent {
  /** Painting operators (text, fills, strokes) outside marked content, and marked content nested in other. */
  unmarked: string[]
  /** Each artifact's type (Pagination, Layout, or "" when untyped), in stream order. */
  artifacts: string[]
}

/** The page content streams' marked content: in a tagged PDF each mark is in a structure element or an artifact. */
export function markedContent(file: string): MarkedContent {
  const raw = fs.readFileSync(file)
  const text = raw.toString('latin1')
  const result: MarkedContent = { unmarked: [], artifacts: [] }
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length
    let content: string
    try {
      content = zlib.inflateSync(raw.subarray(start, text.indexOf('endstream', start))).toString('latin1')
    } catch {
      continue
    }
    if (!/ B[DM]C$/m.test(content)) continue
    for (const artifact of content.matchAll(/\/Artifact (?:<<\s*\/Type \/(\w+)\s*>> BDC|BMC)/g))
      result.artifacts.push(artifact[1] ?? '')
    let depth = 0
    for (const line of content.split('\n').map((l) => l.trim())) {
      if (/ B[DM]C$/.test(line)) {
        if (depth > 0) result.unmarked.push(`nested: ${line}`)
        depth++
      } else if (line === 'EMC') depth--
      else if (depth === 0 && /(?:^|\s)(?:Tj|TJ|re|f|f\*|S|s|B|B\*|b|b\*)$/.test(line))
        result.unmarked.push(line.slice(0, 60))
    }
    if (depth !== 0) result.unmarked.push(`left open: ${depth}`)
  }
  return result
}
