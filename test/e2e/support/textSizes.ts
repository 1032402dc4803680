import type { Page } from 'playwright-core'

export interface SmallestText {
  /** Rendered size in CSS px: the computed font size times the scale of any SVG around it. */
  size: number
  /** Where: tag, class and the start of the text. */
  where: string
}

/**
 * The smallest rendered text on the page, over every visible element with text of its own. Text
 * inside an SVG counts at its computed size times the SVG's scale (a viewBox drawn smaller than
 * its user units shrinks 13 px labels to 7 px on a phone).
 */
export function smallestText(page: Page): Promise<SmallestText> {
  return page.evaluate(() => {
    let smallest = { size: Infinity, where: 'no text' }
    for (const element of document.querySelectorAll('body *')) {
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim()
      if (!text) continue
      const box = element.getBoundingClientRect()
      const style = getComputedStyle(element)
      if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue
      // Visually hidden text (clipped to 1 px) is for screen readers: it has no rendered size.
      if (box.width <= 1 && box.height <= 1) continue
      let size = parseFloat(style.fontSize)
      const svg = element.closest('svg')
      const matrix = svg?.getScreenCTM()
      if (matrix) size *= Math.hypot(matrix.a, matrix.b)
      if (size < smallest.size) {
        const name = element.getAttribute('class') ?? ''
        smallest = { size, where: `${element.tagName.toLowerCase()}.${name} “${text.slice(0, 30)}”` }
      }
    }
    return smallest
  })
}
