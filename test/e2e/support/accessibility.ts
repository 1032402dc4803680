import { createRequire } from 'node:module'
import fs from 'node:fs'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: string[]; failureSummary?: string }>
}

/**
 * Runs axe-core's WCAG 2.2 A/AA rules on the page. Returns readable lines (rule, element,
 * page) so a failing test says exactly what to fix.
 */
export async function accessibilityProblems(page: Page, label: string): Promise<string[]> {
  // evaluate() runs through the DevTools protocol, which the page's strict CSP does not block.
  await page.evaluate(axeSource)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    })
    return result.violations
  })
  return (violations as AxeViolation[]).flatMap((v) =>
    v.nodes.map(
      (node) => `${label} (${page.url()}): ${v.id} [${v.impact}] ${v.help} — at ${node.target.join(' ')}`,
    ),
  )
}
