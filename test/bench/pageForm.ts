import { fieldsOf, formOn, submitted, type Field } from './form'

const TEXT = 'Benchmark answer'

/** A question page filled in, and the free-text field that changes on every save. */
export interface FilledPage {
  body: URLSearchParams
  vary: string
}

const plausible = (field: Field): string => {
  if (field.type === 'url' || /url|website/i.test(field.name)) return 'https://example.org/bench'
  if (/year/i.test(field.name)) return '2020'
  if (field.type === 'number' || /count|number|population|staff/i.test(field.name)) return '12'
  return TEXT
}

/**
 * Fills a question page the way a hurried officer would: the first choice of every
 * radio group and checkbox list left empty, a plausible value in every empty text box.
 * One free-text answer changes on every save (the app writes only what changed, and a
 * save that writes nothing measures nothing). Undefined when the page has no such form.
 */
export function filledPage(html: string, path: string): FilledPage | undefined {
  const form = formOn(html, path)
  if (!form) return undefined
  const fields = fieldsOf(form)
  const groups = new Set<string>()
  for (const field of fields) {
    if ((field.type !== 'radio' && field.type !== 'checkbox') || groups.has(field.name)) continue
    groups.add(field.name)
    if (!fields.some((f) => f.name === field.name && f.checked)) field.checked = true
  }
  for (const field of fields) if (field.value === '') field.value = plausible(field)
  const vary = fields.find((f) => (f.type === 'text' || f.type === 'textarea') && plausible(f) === TEXT)?.name
  return vary ? { body: submitted(fields), vary } : undefined
}

let edits = Date.now()

/** Gives the varying answer a value it has never had. */
export function vary(page: FilledPage): string {
  page.body.set(page.vary, `${TEXT} ${++edits}`)
  return page.body.toString()
}

/** After a save: the next save is based on the version it produced, as the next page load would be. */
export function bumpVersion(page: FilledPage): void {
  const field = [...page.body.keys()].find((key) => /version/i.test(key))
  if (field) page.body.set(field, String(Number(page.body.get(field)) + 1))
}
