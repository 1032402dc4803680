import type { Agent } from './http'

/** A form found on a page: where it posts and the fields it sends by default. */
export interface FoundForm {
  page: string
  action: string
  fields: Array<[string, string]>
  /** Names whose value is picked from a list (radios, checkboxes, selects), with the values offered. */
  choices: Map<string, string[]>
}

const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]?.replaceAll('&amp;', '&')

function parseForms(page: string, html: string): FoundForm[] {
  const forms: FoundForm[] = []
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    if ((attr(match[1], 'method') ?? 'get').toLowerCase() !== 'post') continue
    const action = attr(match[1], 'action') || page
    const fields: Array<[string, string]> = []
    const choices = new Map<string, string[]>()
    for (const tag of match[2].matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
      const name = attr(tag[2], 'name')
      if (!name) continue
      const type = attr(tag[2], 'type') ?? 'text'
      const value = attr(tag[2], 'value') ?? ''
      if (type === 'radio' || type === 'checkbox') {
        choices.set(name, [...(choices.get(name) ?? []), value])
        if (/\schecked\b/.test(tag[2])) fields.push([name, value])
      } else if (type !== 'submit' && type !== 'file') fields.push([name, value])
    }
    forms.push({ page, action, fields, choices })
  }
  return forms
}

/**
 * Follows the links of a signed-in agent's pages under `prefix`, breadth first, and returns every
 * distinct POST form it finds (by action). Downloads are not followed.
 */
export async function crawlForms(
  agent: Agent,
  starts: string[],
  prefix: RegExp,
  maxPages: number,
): Promise<FoundForm[]> {
  const queue = [...starts]
  const seen = new Set(queue)
  const forms = new Map<string, FoundForm>()
  let visited = 0
  while (queue.length && visited < maxPages) {
    const page = queue.shift()!
    const response = await agent.get(page)
    visited++
    if (response.status !== 200 || !/html/.test(String(response.headers['content-type']))) continue
    for (const form of parseForms(page, response.text))
      if (!forms.has(form.action)) forms.set(form.action, form)
    for (const link of response.text.matchAll(/href="([^"#]+)"/g)) {
      const href = link[1].replaceAll('&amp;', '&')
      if (!prefix.test(href) || seen.has(href) || /\.(csv|xlsx|json|pdf)(\?|$)/.test(href)) continue
      seen.add(href)
      queue.push(href)
    }
  }
  return [...forms.values()]
}
